using System.Globalization;
using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>An analyst reads a closed consultation's results: charts with their tables, respondents by category, text answers searched; closed to everyone else.</summary>
public sealed class ResultsPageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task AnAnalystReadsTheChartsBesideTheirTablesAndTheTextAnswersMemberStatesFirst(string culture)
    {
        var consultation = await AnsweredConsultation.CreateAsync(portal, $"Results in {culture}");
        await consultation.WaitUntilCompiledAsync(portal);
        var page = await chromium.NewPageAsync(portal.Address, culture);
        await DemoPortal.SignInAsync(page, "analyst@example.org", culture);
        await page.GotoAsync("/analysis");
        await page.Locator($".card a[href='/analysis/{consultation.Id}/results']").ClickAsync();

        Assert.Equal(culture == "ar" ? "النتائج" : "Results", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(culture == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        var format = CultureInfo.GetCultureInfo(culture);
        string Percent(double share) => share.ToString("P2", format);

        // 3a: the table's numbers are the known answers', weighted apart from unweighted.
        var choice = page.Locator("section[data-question='3a']");
        Assert.Equal([["3", Percent(0.6), Percent(0.5385)], ["1", Percent(0.2), Percent(0.3077)], ["1", Percent(0.2), Percent(0.1538)]],
            await RowsAsync(choice, AnsweredConsultation.Options));
        // The chart draws the same numbers, each bar as long as its share, and is named and described for screen readers.
        var chart = choice.GetByRole(AriaRole.Img, new() { Name = culture == "ar" ? "الحصة غير المرجّحة والحصة المرجّحة لكل خيار 3a)" : "Unweighted and weighted share of each option 3a)" });
        Assert.Equal([Percent(0.6), Percent(0.5385), Percent(0.2), Percent(0.3077), Percent(0.2), Percent(0.1538)],
            await chart.Locator("text.value").AllTextContentsAsync());
        Assert.Equal(AnsweredConsultation.Options, await chart.Locator("text.option-label").AllTextContentsAsync());
        var widths = await chart.Locator("rect.unweighted, rect.weighted").EvaluateAllAsync<double[]>("bars => bars.map(b => b.width.baseVal.value)");
        Assert.Equal([0.6, 0.5385, 0.2, 0.3077, 0.2, 0.1538], widths.Select(w => Math.Round(w / widths[0] * 0.6, 4)));
        Assert.Equal(await choice.Locator("table").GetAttributeAsync("id"), await chart.GetAttributeAsync("aria-describedby"));

        // 3b, a scale: each value is an option.
        Assert.Equal([["1", Percent(0.2), Percent(0.0769)], ["1", Percent(0.2), Percent(0.1538)], ["1", Percent(0.2), Percent(0.1538)],
                ["1", Percent(0.2), Percent(0.3077)], ["1", Percent(0.2), Percent(0.3077)]],
            await RowsAsync(page.Locator("section[data-question='3b']"), ["1", "2", "3", "4", "5"]));

        // 3c: respondents by category, and the answers Member States first with their entity.
        var text = page.Locator("section[data-question='3c']");
        Assert.Equal(["MemberState", "SectorMember", "Academia", "Stakeholder"], await CategoriesAsync(text));
        Assert.Contains(culture == "ar" ? "الدول الأعضاء: 2" : "Member States: 2", await text.Locator("li[data-category=MemberState]").InnerTextAsync());
        Assert.Equal(AnsweredConsultation.Texts.Select(t => t.Entity), await text.Locator(".text-answers .who span[data-content]").AllTextContentsAsync());
        Assert.Equal(AnsweredConsultation.Texts.Select(t => t.Text), await text.Locator(".text-answers .answer").AllTextContentsAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // A search ignores case, and says how many answers it found.
        await page.GetByLabel(culture == "ar" ? "البحث في الإجابات النصية" : "Search the text answers").FillAsync("WORKSHOPS");
        await page.GetByRole(AriaRole.Button, new() { Name = culture == "ar" ? "بحث" : "Search", Exact = true }).ClickAsync();
        Assert.Contains("q=WORKSHOPS", page.Url);
        Assert.Equal("1", await page.Locator("[data-found]").GetAttributeAsync("data-found"));
        Assert.Equal(["Administration of Argentina"], await text.Locator(".text-answers .who span[data-content]").AllTextContentsAsync());
        Assert.Equal("0", await page.Locator("section[data-question='1a'] [data-answers]").GetAttributeAsync("data-answers"));
        await Accessibility.AssertNoViolationsAsync(page);

        // The question's own page lists them all, whole, and searches the same way.
        await page.GotoAsync($"/analysis/{consultation.Id}/results/{consultation.Questions["3c"]}?q=civil");
        Assert.Equal(["Administration of Switzerland"], await page.Locator(".text-answers .who span[data-content]").AllTextContentsAsync());
        await page.GotoAsync($"/analysis/{consultation.Id}/results/{consultation.Questions["3c"]}");
        Assert.Equal(AnsweredConsultation.Texts.Select(t => t.Text), await page.Locator(".text-answers .answer").AllTextContentsAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableFact]
    public async Task LongAnswersAreShortenedOnTheResultsAndWholeOnTheQuestionsPageSoTheResultsStaySmall()
    {
        // Five answers of 5,000 characters each, the last ones different so each is told apart.
        string Long(int i) => string.Concat(Enumerable.Repeat("Participation needs funding and time. ", 140))[..4_990] + $" [end {i}]";
        var consultation = await AnsweredConsultation.CreateAsync(portal, "Long answers", Long);
        await consultation.WaitUntilCompiledAsync(portal);
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "analyst@example.org");

        var response = await page.GotoAsync($"/analysis/{consultation.Id}/results");

        // Whole, the answers alone would be 25 kB; shortened, the page with its two charts stays well under.
        Assert.True((await response!.BodyAsync()).Length < 30_000, $"The results page is {(await response.BodyAsync()).Length} bytes.");
        var answers = await page.Locator("section[data-question='3c'] .text-answers .answer").AllTextContentsAsync();
        Assert.Equal(5, answers.Count);
        Assert.All(answers, a => Assert.True(a.Length <= SurveyService.Portal.Analysis.ResultsModel.ExcerptLength + 1 && a.EndsWith('…'), a));
        await page.GetByRole(AriaRole.Link, new() { Name = "Every answer to this question, whole 3c)" }).ClickAsync();
        Assert.Equal(Enumerable.Range(0, 5).Select(Long), await page.Locator(".text-answers .answer").AllTextContentsAsync());
    }

    [SkippableFact]
    public async Task ResultsAskedForBeforeTheCompileAreAPageSayingSo()
    {
        var id = await portal.PublishAsync("Still open for results", TimeSpan.Zero, null, DemoPortal.TextQuestion("1", "Anything?", QuestionTier.Open));
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "analyst@example.org");

        var response = await page.GotoAsync($"/analysis/{id}/results");

        Assert.Equal(409, response!.Status);
        Assert.Equal("The results are not ready", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(404, (await page.GotoAsync($"/analysis/{Guid.NewGuid()}/results"))!.Status);
    }

    [SkippableTheory]
    [InlineData("en", "Not open to you")]
    [InlineData("ar", "غير متاح لك")]
    public async Task ARespondentAndTheSecretariatGet403OnTheResultsPages(string culture, string title)
    {
        var consultation = await AnsweredConsultation.CreateAsync(portal, $"Not for respondents ({culture})");
        await consultation.WaitUntilCompiledAsync(portal);
        foreach (var signIn in new Func<IPage, Task>[] { p => DemoPortal.SignInAsync(p, "focal.ch@example.org", culture), p => DemoPortal.SignInAsSecretariatAsync(p, culture) })
        {
            var page = await chromium.NewPageAsync(portal.Address);
            await signIn(page);
            foreach (var path in new[] { $"/analysis/{consultation.Id}/results", $"/analysis/{consultation.Id}/results/{consultation.Questions["3c"]}" })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(403, response!.Status);
                Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
                Assert.DoesNotContain(AnsweredConsultation.Texts[0].Text, await page.ContentAsync());
            }
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    /// <summary>Each option's row of the data table: respondents, unweighted share, weighted share.</summary>
    private static async Task<string[][]> RowsAsync(ILocator question, IEnumerable<string> options)
    {
        var rows = new List<string[]>();
        foreach (var option in options)
            rows.Add([.. (await question.Locator($"tr[data-option='{option}'] td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        return [.. rows];
    }

    private static async Task<string[]> CategoriesAsync(ILocator question) =>
        [.. (await question.Locator("li[data-category]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.category)"))];
}
