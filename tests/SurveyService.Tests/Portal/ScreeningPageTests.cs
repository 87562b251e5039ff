using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>
/// An analyst screens text answers from the queue (filters, a reason required, an undoing, the
/// history with who and when), recompiles, and the results leave the screened-out answer out;
/// closed to everyone else.
/// </summary>
public sealed class ScreeningPageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    private const string Analyst = "analyst@example.org";

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task AnAnalystScreensTwoAnswersUndoesOneRecompilesAndTheResultsLeaveTheOtherOut(string culture)
    {
        var en = culture == "en";
        var consultation = await AnsweredConsultation.CreateAsync(portal, $"Screening in {culture}");
        await consultation.WaitUntilCompiledAsync(portal);
        // Decisions come after the compile, as in life: the results page can tell.
        portal.Server.Clock.Advance(TimeSpan.FromMinutes(1));
        var ngo = AnsweredConsultation.Texts[4];
        var operatorText = AnsweredConsultation.Texts[2];

        // Without scripts, as every form must work.
        var page = await chromium.NewPageAsync(portal.Address, culture, javaScript: false);
        await DemoPortal.SignInAsync(page, Analyst, culture);
        await page.GotoAsync("/analysis");
        await page.Locator($"#consultation-{consultation.Id} a[href='/analysis/{consultation.Id}/screening']").ClickAsync();
        Assert.Equal(en ? "Screening" : "فرز الإجابات", await page.Locator("h1").InnerTextAsync());
        // Text answers only: 3c's five and 1a's one; 3a and 3b are choices and a scale.
        Assert.Equal("6", await page.Locator("[data-total]").GetAttributeAsync("data-total"));

        // Filtered to 3c's answers still related: Member States first, then the other categories in the contract's order.
        await page.Locator("#question").SelectOptionAsync(consultation.Questions["3c"].ToString());
        await page.Locator("#state").SelectOptionAsync("related");
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Show" : "عرض", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("state=related"));
        var filtered = page.Url;
        Assert.Contains("state=related", filtered);
        Assert.Equal(AnsweredConsultation.Texts.Select(t => t.Entity), await page.Locator(".queue .who span[data-content]").AllTextContentsAsync());

        // A reason is required: the page says so at the top, linked to the field, and keeps what was typed.
        var ngoAnswer = Answer(page, ngo.Text);
        await ngoAnswer.Locator("textarea").FillAsync("   ");
        await NotRelatedButton(ngoAnswer).ClickAsync();
        var summary = page.Locator(".error-summary");
        Assert.Equal(en ? "Give the reason the answer does not relate to the question." : "اذكر سبب عدم اتصال الإجابة بالسؤال.",
            await summary.Locator("a").InnerTextAsync());
        var field = await summary.Locator("a").GetAttributeAsync("href");
        Assert.Equal(field![1..], await Answer(page, ngo.Text).Locator("textarea").GetAttributeAsync("id"));
        Assert.Equal("   ", await Answer(page, ngo.Text).Locator("textarea").InputValueAsync());
        Assert.Equal("true", await Answer(page, ngo.Text).Locator("textarea").GetAttributeAsync("aria-invalid"));

        // Screened out with a reason: back on the same filtered page, which no longer lists it, with a confirmation.
        await Answer(page, ngo.Text).Locator("textarea").FillAsync("About the meetings' lunch breaks, not the question.");
        await NotRelatedButton(Answer(page, ngo.Text)).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("screened="));
        Assert.Equal(Filters(filtered), Filters(page.Url));
        Assert.EndsWith("#screened", page.Url);
        Assert.Contains(en ? "marked not related to the question" : "غير متصلة بالسؤال", await page.Locator("#screened").InnerTextAsync());
        Assert.Equal("4", await page.Locator("[data-total]").GetAttributeAsync("data-total"));
        Assert.Equal(0, await Answer(page, ngo.Text).CountAsync());

        // A second one, on the unfiltered state, then undone.
        await page.Locator("#state").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Show" : "عرض", Exact = true }).ClickAsync();
        await Answer(page, operatorText.Text).Locator("textarea").FillAsync("Speaks of investment, not of added value.");
        await NotRelatedButton(Answer(page, operatorText.Text)).ClickAsync();
        Assert.Equal("false", await Answer(page, operatorText.Text).GetAttributeAsync("data-related"));
        Assert.Contains(en ? "marked not related" : "غير متصلة", await Answer(page, operatorText.Text).Locator("#screened").InnerTextAsync());
        Assert.Equal("Speaks of investment, not of added value.", await Answer(page, operatorText.Text).Locator("[data-reason]").InnerTextAsync());
        portal.Server.Clock.Advance(TimeSpan.FromMinutes(1));
        await Answer(page, operatorText.Text).GetByRole(AriaRole.Button, new() { Name = en ? "Related again" : "متصلة بالسؤال مجدداً" }).ClickAsync();
        Assert.Equal("true", await Answer(page, operatorText.Text).GetAttributeAsync("data-related"));

        // Its history: both decisions, oldest first, each with who and when; the latest one beside the answer.
        var history = Answer(page, operatorText.Text).Locator("details.history");
        await history.Locator("summary").ClickAsync();
        Assert.Equal(["not-related", "related"], await history.Locator("li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.decision)"));
        Assert.All(await history.Locator("li").AllInnerTextsAsync(), decision => Assert.Contains(Analyst, decision));
        Assert.Contains("Speaks of investment, not of added value.", await history.Locator("li").First.InnerTextAsync());
        Assert.Matches(en ? $"^by {Regex.Escape(Analyst)} on .+ UTC$" : $"^بواسطة {Regex.Escape(Analyst)} في .+UTC$",
            (await Answer(page, operatorText.Text).Locator("[data-latest]").InnerTextAsync()).Trim());

        // The answers listed are those that count now; the figures, as compiled, still count the screened-out one, and say so.
        await page.GotoAsync($"/analysis/{consultation.Id}/results");
        Assert.Equal(1, await page.Locator("[data-screened-since]").CountAsync());
        var text = page.Locator("section[data-question='3c']");
        Assert.DoesNotContain(ngo.Entity, await text.Locator(".text-answers").InnerTextAsync());
        Assert.Equal(1, await text.Locator("li[data-category=Stakeholder]").CountAsync());
        Assert.Contains(en ? "Respondents: 5" : "المجيبون: 5", await text.Locator(".respondents").InnerTextAsync());

        await page.GotoAsync(filtered);
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Recompile" : "إعادة التجميع", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("recompiling="));
        Assert.Equal("/analysis", new Uri(page.Url).AbsolutePath);
        Assert.Equal(en ? "The analysis is being compiled again, with every screening decision made so far." : "يُعاد تجميع التحليل الآن، مع كل قرارات الفرز المتخذة حتى الآن.",
            await page.Locator($"#consultation-{consultation.Id} .notice").InnerTextAsync());
        await consultation.WaitUntilCompiledAsync(portal, attempts: 2);

        // Recompiled: the screened-out answer is left out of 3c's respondents and answers; the undone one counts.
        await page.GotoAsync($"/analysis/{consultation.Id}/results");
        Assert.Equal(0, await page.Locator("[data-screened-since]").CountAsync());
        Assert.DoesNotContain(ngo.Entity, await text.Locator(".text-answers").InnerTextAsync());
        Assert.Contains(operatorText.Entity, await text.Locator(".text-answers").InnerTextAsync());
        Assert.Equal(["MemberState", "SectorMember", "Academia"], await text.Locator("li[data-category]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.category)"));
        Assert.Contains(en ? "Respondents: 4" : "المجيبون: 4", await text.Locator(".respondents").InnerTextAsync());
        // The NGO's other answers are related: 3a still counts it.
        Assert.Contains(en ? "Respondents: 5" : "المجيبون: 5", await page.Locator("section[data-question='3a'] .respondents").InnerTextAsync());

        // axe-core, with scripts, on the queue with its error summary and a history.
        var checking = await chromium.NewPageAsync(portal.Address, culture);
        await DemoPortal.SignInAsync(checking, Analyst, culture);
        await checking.GotoAsync($"/analysis/{consultation.Id}/screening");
        await Accessibility.AssertNoViolationsAsync(checking);
        await NotRelatedButton(Answer(checking, AnsweredConsultation.Texts[0].Text)).ClickAsync();
        Assert.Equal(1, await checking.Locator(".error-summary").CountAsync());
        Assert.True(await checking.Locator(".error-summary").EvaluateAsync<bool>("e => e === document.activeElement"));
        await Accessibility.AssertNoViolationsAsync(checking);
        await checking.GotoAsync($"/analysis/{consultation.Id}/recompile");
        await Accessibility.AssertNoViolationsAsync(checking);
    }

    [SkippableTheory]
    [InlineData("en", "Not open to you")]
    [InlineData("ar", "غير متاح لك")]
    public async Task ARespondentAndTheSecretariatGet403AndDecideNothing(string culture, string title)
    {
        var consultation = await AnsweredConsultation.CreateAsync(portal, $"Not for respondents ({culture})");
        foreach (var signIn in new Func<IPage, Task>[] { p => DemoPortal.SignInAsync(p, "focal.ngo@example.org", culture), p => DemoPortal.SignInAsSecretariatAsync(p, culture) })
        {
            var page = await chromium.NewPageAsync(portal.Address);
            await signIn(page);
            foreach (var path in new[] { $"/analysis/{consultation.Id}/screening", $"/analysis/{consultation.Id}/recompile" })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(403, response!.Status);
                Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
                Assert.DoesNotContain(AnsweredConsultation.Texts[4].Text, await page.ContentAsync());
            }
            await Accessibility.AssertNoViolationsAsync(page);
            var posted = await page.APIRequest.PostAsync($"/analysis/{consultation.Id}/screening", new()
            {
                Form = page.APIRequest.CreateFormData().Set("answer", Guid.NewGuid().ToString()).Set("decision", "not-related").Set("reason", "x"),
            });
            Assert.Equal(403, posted.Status);
        }
    }

    [SkippableFact]
    public async Task RecompilingAnOpenConsultationIsAPageSayingItIsNotClosed()
    {
        var id = await portal.PublishAsync("Still open for screening", TimeSpan.Zero, null, DemoPortal.TextQuestion("1", "Anything?", QuestionTier.Open));
        var page = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(page, Analyst);
        await page.GotoAsync($"/analysis/{id}/recompile");

        var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Recompile", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/recompile", StringComparison.Ordinal));

        Assert.Equal(409, response.Status);
        Assert.Equal("This consultation is not closed yet; its analysis is compiled when it closes.", (await page.Locator(".error-summary").InnerTextAsync()).Trim());
    }

    /// <summary>The filters a queue address holds, those left empty aside.</summary>
    private static string[] Filters(string url) =>
        [.. Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)
            .Where(pair => pair.Key is "question" or "tier" or "category" or "state" or "page" && pair.Value.ToString().Length > 0)
            .Select(pair => $"{pair.Key}={pair.Value}").Order()];

    private static ILocator Answer(IPage page, string text) => page.Locator(".queue > li", new() { Has = page.Locator(".answer", new() { HasText = text }) });

    private static ILocator NotRelatedButton(ILocator answer) => answer.Locator("button[name=decision][value=not-related]");
}
