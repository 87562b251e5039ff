using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SurveyService.Data;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>The questionnaire as a respondent answers it in a browser: the tiers of their category, drafts that come back, nothing typed lost.</summary>
public sealed class AnswerPageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    private static async Task OpenTheConsultationAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator(".card h3 a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/consultations/"));
    }

    [SkippableFact]
    public async Task AMemberStateAnswersAllThreeTiersAStakeholderOnlyTheOpenOne()
    {
        var memberState = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(memberState, "focal.ke@example.org");
        await OpenTheConsultationAsync(memberState);
        var stakeholder = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(stakeholder, "focal.ngo@example.org");
        await OpenTheConsultationAsync(stakeholder);

        Assert.Equal(["i) Questions to Member States only", "ii) Questions to Member States, Sector Members, Associates and Academia",
            "iii) Open consultation: questions to everyone, members and all stakeholders"],
            await memberState.Locator("form h2").AllInnerTextsAsync());
        Assert.Equal(["iii) Open consultation: questions to everyone, members and all stakeholders"], await stakeholder.Locator("form h2").AllInnerTextsAsync());
        Assert.Equal(10, await memberState.Locator("form .question").CountAsync());
        Assert.Equal(5, await stakeholder.Locator("form .question").CountAsync());
        Assert.StartsWith("1a) What are the spheres of competence", await memberState.GetByRole(AriaRole.Textbox).First.EvaluateAsync<string>(
            "e => e.labels[0].innerText"));
        // 1b is a single choice: radio buttons in a fieldset whose legend is the question.
        var choice = memberState.GetByRole(AriaRole.Group, new() { Name = "1b) Are the current definitions" });
        Assert.True(await choice.GetByRole(AriaRole.Radio).CountAsync() >= 2);
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheQuestionnaireHasNothingForAxeToFind(string culture)
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.ar@example.org", culture);
        await OpenTheConsultationAsync(page);

        Assert.Equal(culture == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableFact]
    public async Task ADraftSavedWithoutJavaScriptIsThereOnAnotherDevice()
    {
        var laptop = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(laptop, "focal.university@example.org");
        await OpenTheConsultationAsync(laptop);
        var consultation = laptop.Url;
        var answer = laptop.GetByLabel("3a) What “added value” might stakeholders");
        await answer.FillAsync("Research capacity — and عربي text.");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        Assert.Contains("Draft saved on", await laptop.GetByRole(AriaRole.Status).InnerTextAsync());

        var phone = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(phone, "focal.university@example.org");
        await phone.GotoAsync(consultation);
        Assert.Equal("Research capacity — and عربي text.", await phone.GetByLabel("3a) What “added value” might stakeholders").InputValueAsync());
        await phone.GotoAsync("/");
        Assert.StartsWith("Draft saved on", (await phone.Locator(".card dd").Nth(2).InnerTextAsync()).Trim());
    }

    [SkippableFact]
    public async Task TwoFocalPointsOfOneEntityEditAtOnceAndNeitherLosesAWord()
    {
        await portal.AddFocalPointAsync("deputy.associate@example.org", "Example Standards Startup");
        var first = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(first, "focal.associate@example.org");
        await OpenTheConsultationAsync(first);
        var second = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(second, "deputy.associate@example.org");
        await second.GotoAsync(first.Url);
        const string Costs = "2a) What might be the financial implications", Value = "3a) What “added value” might stakeholders",
            Mandate = "2b) What are the other challenges";

        await first.GetByLabel(Costs).FillAsync("Saved first, by the focal point.");
        await first.GetByLabel(Mandate).FillAsync("The same words in both.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await second.GetByLabel(Costs).FillAsync("Typed by the deputy on the older page.");
        await second.GetByLabel(Mandate).FillAsync("The same words in both.");
        await second.GetByLabel(Value).FillAsync("Only the deputy wrote this.");
        var response = await second.RunAndWaitForResponseAsync(() => second.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(),
            r => r.Request.Method == "POST");

        // Nothing written; who saved is named; each differing question shows theirs beside what the deputy typed.
        Assert.Equal(409, response.Status);
        var alert = await second.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("focal.associate@example.org, another focal point of your entity, saved these answers on", alert);
        Assert.Contains("nothing was overwritten", alert);
        Assert.Equal("Typed by the deputy on the older page.", await second.GetByLabel(Costs).InputValueAsync());
        Assert.Equal("Only the deputy wrote this.", await second.GetByLabel(Value).InputValueAsync());
        Assert.Equal(2, await second.Locator(".conflict").CountAsync()); // 2a and 3a differ; 2b is the same in both
        var costsChoice = second.GetByRole(AriaRole.Group, new() { Name = "2a) Which answer to keep?" });
        Assert.Contains("Saved first, by the focal point.", await second.Locator(".conflict").First.InnerTextAsync());
        Assert.True(await costsChoice.GetByLabel("Mine: what is in the field above").IsCheckedAsync());
        Assert.Equal(2, await second.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).CountAsync());
        await first.ReloadAsync();
        Assert.Equal("Saved first, by the focal point.", await first.GetByLabel(Costs).InputValueAsync());
        Assert.Equal("", await first.GetByLabel(Value).InputValueAsync());

        // The deputy keeps the focal point's 2a and their own 3a: both people's words survive.
        await second.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).First.ClickAsync();
        await costsChoice.GetByLabel("The saved one, shown here").CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        Assert.Contains("Draft saved on", await second.GetByRole(AriaRole.Status).InnerTextAsync());
        await first.ReloadAsync();
        Assert.Equal("Saved first, by the focal point.", await first.GetByLabel(Costs).InputValueAsync());
        Assert.Equal("Only the deputy wrote this.", await first.GetByLabel(Value).InputValueAsync());
        Assert.Equal("The same words in both.", await first.GetByLabel(Mandate).InputValueAsync());
        Assert.Equal(0, await first.Locator(".conflict").CountAsync());
    }

    [SkippableFact]
    public async Task WhereScriptsRunTypingSavesByItselfThroughPatch()
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.equipment@example.org");
        await OpenTheConsultationAsync(page);
        const string Value = "3a) What “added value” might stakeholders", Criteria = "3b) What criteria could be suggested";

        var first = await page.RunAndWaitForResponseAsync(() => page.GetByLabel(Value).FillAsync("Typed, never saved by a button."),
            r => r.Request.Method == "PATCH");
        Assert.Equal(200, first.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved automatically on");
        // The next change is conditional on the version the first one made: no conflict with itself.
        var second = await page.RunAndWaitForResponseAsync(() => page.GetByLabel(Criteria).FillAsync("A second answer, a moment later."),
            r => r.Request.Method == "PATCH");
        Assert.Equal(200, second.Status);

        var elsewhere = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(elsewhere, "focal.equipment@example.org");
        await elsewhere.GotoAsync(page.Url);
        Assert.Equal("Typed, never saved by a button.", await elsewhere.GetByLabel(Value).InputValueAsync());
        Assert.Equal("A second answer, a moment later.", await elsewhere.GetByLabel(Criteria).InputValueAsync());
    }

    [SkippableFact]
    public async Task AutosaveStopsOnAnotherFocalPointsSaveAndSaveDraftShowsBoth()
    {
        await portal.AddFocalPointAsync("deputy.operator@example.org", "Example Telecom Operator");
        var typing = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(typing, "focal.operator@example.org");
        await OpenTheConsultationAsync(typing);
        var deputy = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(deputy, "deputy.operator@example.org");
        await deputy.GotoAsync(typing.Url);
        const string Costs = "2a) What might be the financial implications";
        await deputy.GetByLabel(Costs).FillAsync("The deputy's draft.");
        await deputy.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        var refused = await typing.RunAndWaitForResponseAsync(() => typing.GetByLabel(Costs).FillAsync("Typed while the deputy saved."),
            r => r.Request.Method == "PATCH");

        Assert.Equal(409, refused.Status);
        await Assertions.Expect(typing.GetByRole(AriaRole.Status)).ToContainTextAsync("autosave stopped and overwrote nothing");
        await typing.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        Assert.Equal("Typed while the deputy saved.", await typing.GetByLabel(Costs).InputValueAsync());
        Assert.Contains("The deputy's draft.", await typing.Locator(".conflict").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(typing);
        await deputy.ReloadAsync();
        Assert.Equal("The deputy's draft.", await deputy.GetByLabel(Costs).InputValueAsync());
    }

    [SkippableFact]
    public async Task BeforeItOpensTheConsultationSaysWhenAndTakesNoAnswers()
    {
        var id = await portal.PublishAsync("Opens in two days", TimeSpan.FromDays(2), null,
            DemoPortal.TextQuestion("1", "Anything to add?", QuestionTier.Open));
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.ngo@example.org");

        await page.GotoAsync("/");
        var upcoming = page.Locator("section[aria-labelledby=upcoming]");
        Assert.Contains("Opens in two days", await upcoming.InnerTextAsync());
        await upcoming.GetByRole(AriaRole.Link, new() { Name = "Opens in two days" }).ClickAsync();

        Assert.Equal($"/consultations/{id}", new Uri(page.Url).AbsolutePath);
        Assert.StartsWith("This consultation opens on", await page.Locator("p.notice").InnerTextAsync());
        Assert.False(await page.GetByLabel("1) Anything to add?").IsEditableAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableTheory]
    [InlineData("en", "Not open to your category", "This consultation asks Member States; Sector Members are not among them.",
        "Your category answers the questions of tiers ii and iii in the consultations open to it.")]
    [InlineData("ar", "غير مفتوحة لفئتك", "هذه المشاورة موجّهة إلى: الدول الأعضاء؛ وليس أعضاء القطاعات من بينهم.",
        "تجيب فئتك عن أسئلة المستويات ii وiii في المشاورات المفتوحة لها.")]
    public async Task ASectorMemberIsToldWhichTiersItsCategoryAnswers(string culture, string title, string asks, string tiers)
    {
        var id = await portal.PublishAsync($"Member States only ({culture})", TimeSpan.Zero, [RespondentCategory.MemberState],
            DemoPortal.TextQuestion("1a", "For governments.", QuestionTier.MemberStates));
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.equipment@example.org", culture);

        var response = await page.GotoAsync($"/consultations/{id}");
        Assert.Equal(403, response!.Status);
        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Equal(title, await alert.GetByRole(AriaRole.Heading).InnerTextAsync());
        Assert.Contains(asks, await alert.InnerTextAsync());
        Assert.Contains(tiers, await alert.InnerTextAsync());
        Assert.Equal(0, await page.Locator("form.questionnaire").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        // The review page, bookmarked, leads to the same explanation.
        Assert.Equal(403, (await page.GotoAsync($"/consultations/{id}/review"))!.Status);
        Assert.Equal(title, await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Heading).InnerTextAsync());
    }


    [SkippableFact]
    public async Task ABodyThatIsNotAFormIsRefusedWithAPageNot500()
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.ch@example.org", "fr");
        await OpenTheConsultationAsync(page);
        var json = new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Data = "{}" };

        foreach (var (method, path) in new[] { ("POST", new Uri(page.Url).AbsolutePath), ("PATCH", new Uri(page.Url).AbsolutePath), ("POST", "/account/login") })
        {
            json.Method = method;
            var refused = await page.Context.APIRequest.FetchAsync(path, json);
            Assert.Equal(415, refused.Status);
            Assert.StartsWith("text/html", refused.Headers["content-type"]);
            Assert.Contains("lang=\"fr\"", await refused.TextAsync());
        }
    }

    [SkippableFact]
    public async Task ASaveAfterTheCloseKeepsTheTextAndSaysWhy()
    {
        await using var closing = new DemoPortal();
        await closing.InitializeAsync();
        var page = await chromium.NewPageAsync(closing.Address, javaScript: false);
        await DemoPortal.SignInAsync(page, "focal.ch@example.org");
        await OpenTheConsultationAsync(page);
        await page.GetByLabel("1a) What are the spheres of competence").FillAsync("Written while the deadline passed.");

        // The Secretariat closes it now, as the deadline would, while the page is open.
        using (var scope = closing.Server.Services.CreateScope())
            Assert.Equal(Consultations.CloseOutcome.Closed, await scope.ServiceProvider.GetRequiredService<Consultations.CloseConsultationNow>()
                .CloseAsync(null, Guid.Parse(new Uri(page.Url).Segments[^1])));
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(409, response.Status);
        Assert.Contains("closed on", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        var kept = page.GetByLabel("1a) What are the spheres of competence");
        Assert.Equal("Written while the deadline passed.", await kept.InputValueAsync());
        Assert.False(await kept.IsEditableAsync()); // read-only, not disabled: the text can still be selected and copied
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).CountAsync());
    }
}
