using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SurveyService.Data;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>Review, submit, the receipt, and amending until the close, as a respondent does it in a browser.</summary>
public sealed partial class SubmitPageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    private const string Question3a = "3a) What “added value” might stakeholders";

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AStakeholderReviewsSubmitsGetsAReceiptAmendsAndSubmitsAgain(bool javaScript)
    {
        var email = javaScript ? "focal.ngo@example.org" : "focal.equipment@example.org";
        var page = await chromium.NewPageAsync(portal.Address, javaScript: javaScript);
        await DemoPortal.SignInAsync(page, email);
        await page.GotoAsync("/");
        await page.Locator(".card h3 a").First.ClickAsync();
        await page.GetByLabel(Question3a).FillAsync("Field experience from the regions.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Review and submit" }).ClickAsync();

        Assert.EndsWith("/review", new Uri(page.Url).AbsolutePath);
        var answers = page.Locator("dl.answers dd");
        Assert.Contains("Field experience from the regions.", await answers.AllInnerTextsAsync());
        Assert.Contains("Not answered", await answers.AllInnerTextsAsync());
        if (javaScript)
            await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        Assert.EndsWith("/receipt", new Uri(page.Url).AbsolutePath);
        Assert.Contains("Your answers were submitted", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var facts = page.Locator("dl.receipt dd");
        Assert.Equal("1", await facts.Nth(1).InnerTextAsync());
        Assert.Matches(Sha256(), await facts.Nth(4).InnerTextAsync());
        Assert.Contains("Field experience from the regions.", await page.Locator("dl.answers dd").AllInnerTextsAsync());
        if (javaScript)
            await Accessibility.AssertNoViolationsAsync(page);

        // Amend before the close: the second submit is version 2, and version 1 is still there to read.
        await page.GetByRole(AriaRole.Link, new() { Name = "Amend the answers" }).ClickAsync();
        Assert.Equal("Field experience from the regions.", await page.GetByLabel(Question3a).InputValueAsync());
        await page.GetByLabel(Question3a).FillAsync("Field experience, amended.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review and submit" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        Assert.Equal("2", await page.Locator("dl.receipt dd").Nth(1).InnerTextAsync());
        Assert.Contains("Field experience, amended.", await page.Locator("dl.answers dd").AllInnerTextsAsync());
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Version 1,") }).ClickAsync();
        Assert.Contains("earlier version", await page.Locator(".notice").InnerTextAsync());
        Assert.Contains("Field experience from the regions.", await page.Locator("dl.answers dd").AllInnerTextsAsync());

        await page.GotoAsync("/");
        Assert.StartsWith("Submitted on", (await page.Locator(".card dd").Nth(2).InnerTextAsync()).Trim());
    }

    [SkippableFact]
    public async Task TheReceiptInArabicIsRightToLeftWithNothingForAxeToFind()
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.operator@example.org", "ar");
        await page.GotoAsync("/");
        await page.Locator(".card h3 a").First.ClickAsync();
        await page.GetByRole(AriaRole.Textbox).First.FillAsync("إجابة");
        await page.GetByRole(AriaRole.Button, new() { Name = "المراجعة والتقديم" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "تقديم", Exact = true }).ClickAsync();

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("الإيصال", await page.Locator("h1").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableFact]
    public async Task ReviewSaysWhatIsStillRequiredAndOffersNoSubmitUntilItIsAnswered()
    {
        var id = await portal.PublishAsync("With a required question", TimeSpan.Zero, null,
            DemoPortal.TextQuestion("1", "Your view, please.", QuestionTier.Open, required: true),
            DemoPortal.TextQuestion("2", "Anything else?", QuestionTier.Open));
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.university@example.org");
        await page.GotoAsync($"/consultations/{id}");
        Assert.Contains("(required)", await page.GetByText("1) Your view, please.").InnerTextAsync());
        await page.GetByLabel("2) Anything else?").FillAsync("Only the optional one.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review and submit" }).ClickAsync();

        Assert.Contains("These required questions have no answer yet: 1.", await page.Locator(".notice").InnerTextAsync());
        Assert.Contains("Not answered (required)", await page.Locator("dl.answers dd").AllInnerTextsAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Change answers" }).ClickAsync();
        await page.GetByLabel("1) Your view, please.").FillAsync("Now answered.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review and submit" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        Assert.EndsWith("/receipt", new Uri(page.Url).AbsolutePath);
    }

    [SkippableFact]
    public async Task ASubmitAfterAnotherFocalPointsChangeOrTheCloseSubmitsNothingAndSaysWhy()
    {
        var id = await portal.PublishAsync("Closed while reviewing", TimeSpan.Zero, null,
            DemoPortal.TextQuestion("1", "Your view, please.", QuestionTier.Open));
        await portal.AddFocalPointAsync("deputy.university@example.org", "Example University");
        var page = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(page, "focal.university@example.org");
        await page.GotoAsync($"/consultations/{id}");
        await page.GetByLabel("1) Your view, please.").FillAsync("Reviewed by the focal point.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review and submit" }).ClickAsync();

        // The deputy changes the answer while the review page is open.
        var deputy = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(deputy, "deputy.university@example.org");
        await deputy.GotoAsync($"/consultations/{id}");
        await deputy.GetByLabel("1) Your view, please.").FillAsync("Changed by the deputy.");
        await deputy.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var stale = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(409, stale.Status);
        Assert.Contains("changed the answers while you were reviewing them, so nothing was submitted", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Contains("Changed by the deputy.", await page.Locator("dl.answers dd").AllInnerTextsAsync());

        // Now the Secretariat closes it before the focal point submits what it has reviewed again.
        using (var scope = portal.Server.Services.CreateScope())
            Assert.Equal(Consultations.CloseOutcome.Closed, await scope.ServiceProvider.GetRequiredService<Consultations.CloseConsultationNow>().CloseAsync(null, id));
        var closed = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(409, closed.Status);
        Assert.Contains("This consultation closed on", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).CountAsync());
        await page.GotoAsync($"/consultations/{id}/receipt");
        Assert.Equal($"/consultations/{id}", new Uri(page.Url).AbsolutePath); // never submitted: no receipt
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
