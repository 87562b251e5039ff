using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>
/// An analyst names themes, tags text answers with them on the screening queue, recompiles, and
/// reads each theme counted by category, unweighted and weighted, on the results page; closed to
/// everyone else.
/// </summary>
public sealed class ThemePageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    private const string Analyst = "analyst@example.org";
    private const string Participation = "Participation";
    private const string Capacity = "Capacity building";

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task AnAnalystScreensTwoAnswersTagsThreeWithThemesRecompilesAndReadsTheThemesCounted(string culture)
    {
        var en = culture == "en";
        var consultation = await AnsweredConsultation.CreateAsync(portal, $"Themes in {culture}");
        await consultation.WaitUntilCompiledAsync(portal);
        portal.Server.Clock.Advance(TimeSpan.FromMinutes(1));
        var (argentina, switzerland, operatorText, university, ngo) = (AnsweredConsultation.Texts[0], AnsweredConsultation.Texts[1],
            AnsweredConsultation.Texts[2], AnsweredConsultation.Texts[3], AnsweredConsultation.Texts[4]);

        // Without scripts, as every form must work.
        var page = await chromium.NewPageAsync(portal.Address, culture, javaScript: false);
        await DemoPortal.SignInAsync(page, Analyst, culture);
        var queue = $"/analysis/{consultation.Id}/screening?question={consultation.Questions["3c"]}";
        await page.GotoAsync(queue);

        // Two answers screened out: 3c then counts Argentina and Switzerland (Member States, weight 1) and the operator (0.5).
        foreach (var (answer, reason) in new[] { (university.Text, "About research, not added value."), (ngo.Text, "About lunch breaks.") })
        {
            await Answer(page, answer).Locator("textarea").FillAsync(reason);
            await Answer(page, answer).Locator("button[name=decision][value=not-related]").ClickAsync();
            Assert.Equal("false", await Answer(page, answer).GetAttributeAsync("data-related"));
        }

        // No theme yet: the queue leads to the themes page.
        await page.GetByRole(AriaRole.Link, new() { Name = en ? "Name themes to tag the answers with them." : "سمِّ مواضيع لتضع وسومها على الإجابات.", Exact = true }).ClickAsync();
        Assert.Equal(en ? "Themes" : "المواضيع", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("0", await page.Locator("[data-themes]").GetAttributeAsync("data-themes"));

        // Refused beside the field, in the reader's language, with what was typed kept: an empty name, a name too long, a name taken (ignoring case).
        var addTheme = page.GetByRole(AriaRole.Button, new() { Name = en ? "Add the theme" : "إضافة الموضوع", Exact = true });
        var response = await page.RunAndWaitForResponseAsync(() => addTheme.ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        Assert.Equal(en ? "Name the theme." : "اذكر اسم الموضوع.", await page.Locator(".error-summary a[href='#theme']").InnerTextAsync());
        Assert.Equal(en ? "Name the theme." : "اذكر اسم الموضوع.", await page.Locator("#theme-error").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#theme").GetAttributeAsync("aria-invalid"));
        var tooLong = new string('x', 101);
        await page.Locator("#theme").FillAsync(tooLong);
        await addTheme.ClickAsync();
        Assert.Equal(en ? "Keep the theme's name within 100 characters, without control characters." : "اجعل اسم الموضوع في حدود 100 حرفاً، دون أحرف تحكم.",
            await page.Locator("#theme-error").InnerTextAsync());
        Assert.Equal(tooLong, await page.Locator("#theme").InputValueAsync());
        foreach (var name in new[] { Participation, Capacity, "Meetings" })
        {
            await page.Locator("#theme").FillAsync(name);
            await addTheme.ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("done=named"));
            Assert.Contains(en ? "The theme is added" : "أُضيف الموضوع", await page.Locator("#done").InnerTextAsync());
        }
        await page.Locator("#theme").FillAsync(" participation ");
        await addTheme.ClickAsync();
        Assert.Equal(en ? "This consultation already has a theme named participation." : "لهذه المشاورة موضوع باسم «participation» بالفعل.",
            await page.Locator("#theme-error").InnerTextAsync());
        Assert.Equal(" participation ", await page.Locator("#theme").InputValueAsync());
        Assert.Equal([Capacity, "Meetings", Participation], await page.Locator("tr[data-theme] th").AllInnerTextsAsync());

        // Three answers tagged from the queue, Argentina's with both themes; Switzerland's also with a theme removed later.
        await page.GotoAsync(queue);
        foreach (var (answer, themes) in new[] { (argentina.Text, new[] { Participation, Capacity }), (switzerland.Text, [Participation, "Meetings"]), (operatorText.Text, [Capacity]) })
        {
            foreach (var theme in themes)
                await Answer(page, answer).GetByLabel(theme, new() { Exact = true }).CheckAsync();
            await Answer(page, answer).GetByRole(AriaRole.Button, new() { Name = en ? "Save themes" : "حفظ المواضيع" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("themed=") && url.EndsWith("#themed", StringComparison.Ordinal));
            Assert.Contains($"question={consultation.Questions["3c"]}", page.Url);
            Assert.Equal(en ? "The answer's themes are saved. Recompile to bring the figures and the workbook up to date." : "حُفظت مواضيع الإجابة. أعد التجميع لتحديث الأرقام والمصنّف.",
                Regex.Replace(await Answer(page, answer).Locator("#themed").InnerTextAsync(), @"\s+", " ").Trim());
            Assert.Equal(themes.Order(), (await Checked(Answer(page, answer))).Order());
        }
        // Untagging: the checkbox cleared and saved.
        await Answer(page, switzerland.Text).GetByLabel("Meetings", new() { Exact = true }).UncheckAsync();
        await Answer(page, switzerland.Text).GetByRole(AriaRole.Button, new() { Name = en ? "Save themes" : "حفظ المواضيع" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"themed="));
        Assert.Equal([Participation], await Checked(Answer(page, switzerland.Text)));
        await Answer(page, switzerland.Text).GetByLabel("Meetings", new() { Exact = true }).CheckAsync();
        await Answer(page, switzerland.Text).GetByRole(AriaRole.Button, new() { Name = en ? "Save themes" : "حفظ المواضيع" }).ClickAsync();

        // The queue filtered by a theme lists the answers carrying it.
        await page.Locator("#theme-filter").SelectOptionAsync(new SelectOptionValue { Label = Participation });
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Show" : "عرض", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("theme="));
        Assert.Equal([argentina.Entity, switzerland.Entity], await page.Locator(".queue .who span[data-content]").AllTextContentsAsync());

        // The themes page counts the answers; removing a theme takes its tags with it.
        await page.GotoAsync($"/analysis/{consultation.Id}/themes");
        Assert.Equal(["2", "1", "2"], await page.Locator("tr[data-theme] td[data-answers]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.answers)"));
        await page.Locator("tr[data-theme]", new() { HasText = "Meetings" }).GetByRole(AriaRole.Button, new() { Name = en ? "Remove" : "إزالة" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=removed"));
        Assert.Contains(en ? "taken off every answer it tagged" : "رُفع وسمه عن كل الإجابات", await page.Locator("#done").InnerTextAsync());
        Assert.Equal([Capacity, Participation], await page.Locator("tr[data-theme] th").AllInnerTextsAsync());
        await page.GotoAsync(queue);
        Assert.Equal([Participation], await Checked(Answer(page, switzerland.Text)));

        // Before the compile, the results list the answers' themes and say the figures do not count them yet.
        await page.GotoAsync($"/analysis/{consultation.Id}/results");
        Assert.Equal(1, await page.Locator("[data-themed-since]").CountAsync());
        Assert.Equal(0, await page.Locator("section.themes").CountAsync());
        Assert.Equal([Participation], await page.Locator(".text-answers > li", new() { HasText = switzerland.Text }).Locator("[data-theme]").AllTextContentsAsync());
        await page.GotoAsync(queue);

        // Recompiled: each theme counted over 3c's three related answers, weighted apart from unweighted.
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Recompile" : "إعادة التجميع", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("recompiling="));
        await consultation.WaitUntilCompiledAsync(portal, attempts: 2);
        await page.GotoAsync($"/analysis/{consultation.Id}/results");
        Assert.Equal(0, await page.Locator("[data-themed-since]").CountAsync());
        var format = CultureInfo.GetCultureInfo(culture);
        string Percent(double share) => share.ToString("P2", format);
        var text = page.Locator("section[data-question='3c']");
        Assert.Contains(en ? "Respondents: 3" : "المجيبون: 3", await text.Locator(".respondents").InnerTextAsync());
        var figures = text.Locator("section.themes");
        Assert.Equal(en ? "Themes" : "المواضيع", await figures.Locator("h4").InnerTextAsync());
        Assert.Equal(["MemberState", "SectorMember"], await figures.Locator("thead th[data-category]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.category)"));
        // Capacity building: Argentina (1) and the operator (0.5) of 2.5; Participation: Argentina and Switzerland, 2 of 2.5.
        Assert.Equal([["2", "1", "1", Percent(0.6667), Percent(0.6)], ["2", "2", "0", Percent(0.6667), Percent(0.8)]],
            await RowsAsync(figures, [Capacity, Participation]));
        var chart = figures.GetByRole(AriaRole.Img, new() { Name = en ? "Unweighted and weighted share of each theme 3c)" : "الحصة غير المرجّحة والحصة المرجّحة لكل موضوع 3c)" });
        Assert.Equal([Percent(0.6667), Percent(0.6), Percent(0.6667), Percent(0.8)], await chart.Locator("text.value").AllTextContentsAsync());
        Assert.Equal([Capacity, Participation], await chart.Locator("text.option-label").AllTextContentsAsync());
        // Each listed answer says its themes.
        var listed = text.Locator(".text-answers > li", new() { HasText = argentina.Text });
        Assert.Equal([Capacity, Participation], await listed.Locator("[data-theme]").AllTextContentsAsync());
        Assert.Equal(0, await text.Locator(".text-answers > li", new() { HasText = university.Text }).CountAsync());
        // And so does the question's own page, with every answer whole.
        await page.GotoAsync($"/analysis/{consultation.Id}/results/{consultation.Questions["3c"]}");
        Assert.Equal([Capacity, Participation], await page.Locator(".text-answers > li", new() { HasText = argentina.Text }).Locator("[data-theme]").AllTextContentsAsync());
        Assert.Equal([Participation], await page.Locator(".text-answers > li", new() { HasText = switzerland.Text }).Locator("[data-theme]").AllTextContentsAsync());
        Assert.Equal([Capacity], await page.Locator(".text-answers > li", new() { HasText = operatorText.Text }).Locator("[data-theme]").AllTextContentsAsync());

        // The workbooks the list of analyses links to download.
        await page.GotoAsync("/analysis");
        var links = await page.Locator($"#consultation-{consultation.Id} a[href*='/workbook']").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        Assert.Equal(4, links.Length);
        foreach (var link in links)
        {
            var download = await page.APIRequest.GetAsync(link);
            Assert.Equal(200, download.Status);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Headers["content-type"]);
        }

        // axe-core, with scripts, on the themes page with its error, the queue with themes, and the results with the themes' chart.
        var checking = await chromium.NewPageAsync(portal.Address, culture);
        await DemoPortal.SignInAsync(checking, Analyst, culture);
        await checking.GotoAsync($"/analysis/{consultation.Id}/themes");
        await Accessibility.AssertNoViolationsAsync(checking);
        await checking.GetByRole(AriaRole.Button, new() { Name = en ? "Add the theme" : "إضافة الموضوع", Exact = true }).ClickAsync();
        Assert.True(await checking.Locator(".error-summary").EvaluateAsync<bool>("e => e === document.activeElement"));
        await Accessibility.AssertNoViolationsAsync(checking);
        await checking.GotoAsync(queue);
        await Accessibility.AssertNoViolationsAsync(checking);
        await checking.GotoAsync($"/analysis/{consultation.Id}/results");
        await Accessibility.AssertNoViolationsAsync(checking);
    }

    [SkippableTheory]
    [InlineData("en", "Not open to you")]
    [InlineData("ar", "غير متاح لك")]
    public async Task ARespondentAndTheSecretariatGet403AndTagNothing(string culture, string title)
    {
        var consultation = await AnsweredConsultation.CreateAsync(portal, $"Themes not for respondents ({culture})");
        foreach (var signIn in new Func<IPage, Task>[] { p => DemoPortal.SignInAsync(p, "focal.ngo@example.org", culture), p => DemoPortal.SignInAsSecretariatAsync(p, culture) })
        {
            var page = await chromium.NewPageAsync(portal.Address);
            await signIn(page);
            var response = await page.GotoAsync($"/analysis/{consultation.Id}/themes");
            Assert.Equal(403, response!.Status);
            Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
            await Accessibility.AssertNoViolationsAsync(page);
            foreach (var (path, form) in new[]
            {
                ($"/analysis/{consultation.Id}/themes", page.APIRequest.CreateFormData().Set("theme", "Sneaked in")),
                ($"/analysis/{consultation.Id}/themes?handler=remove", page.APIRequest.CreateFormData().Set("theme", Guid.NewGuid().ToString())),
                ($"/analysis/{consultation.Id}/screening?handler=themes", page.APIRequest.CreateFormData().Set("answer", Guid.NewGuid().ToString()).Set("theme", Guid.NewGuid().ToString())),
            })
                Assert.Equal(403, (await page.APIRequest.PostAsync(path, new() { Form = form })).Status);
        }
        var analyst = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(analyst, Analyst);
        await analyst.GotoAsync($"/analysis/{consultation.Id}/themes");
        Assert.Equal("0", await analyst.Locator("[data-themes]").GetAttributeAsync("data-themes"));
    }

    private static ILocator Answer(IPage page, string text) => page.Locator(".queue > li", new() { Has = page.Locator(".answer", new() { HasText = text }) });

    /// <summary>The themes ticked on an answer, by their labels.</summary>
    private static async Task<string[]> Checked(ILocator answer) =>
        await answer.Locator(".answer-themes input:checked").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.labels[0].textContent)");

    private static async Task<string[][]> RowsAsync(ILocator themes, IEnumerable<string> names)
    {
        var rows = new List<string[]>();
        foreach (var name in names)
            rows.Add([.. (await themes.Locator($"tr[data-theme='{name}'] td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        return [.. rows];
    }
}
