using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
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
    public async Task ASaveOnAPageOpenedBeforeAnotherSaveKeepsTheTextAndSaysWhy()
    {
        var first = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(first, "focal.associate@example.org");
        await OpenTheConsultationAsync(first);
        var second = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(second, "focal.associate@example.org");
        await second.GotoAsync(first.Url);

        await first.GetByLabel("2a) What might be the financial implications").FillAsync("Saved first.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await second.GetByLabel("2a) What might be the financial implications").FillAsync("Typed on the older page.");
        var response = await second.RunAndWaitForResponseAsync(() => second.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(409, response.Status);
        Assert.Contains("nothing was overwritten", await second.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("Typed on the older page.", await second.GetByLabel("2a) What might be the financial implications").InputValueAsync());
        await first.ReloadAsync();
        Assert.Equal("Saved first.", await first.GetByLabel("2a) What might be the financial implications").InputValueAsync());
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
                .CloseAsync(Guid.Parse(new Uri(page.Url).Segments[^1])));
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
