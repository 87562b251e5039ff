using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>The analysts' page: closed consultations with their analysis, and the workbooks downloaded from it; closed to everyone else.</summary>
public sealed class AnalysisPageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    [SkippableFact]
    public async Task AnAnalystFollowsTheCompileAndDownloadsTheWholeWorkbookAndEachTiers()
    {
        var consultation = await AnswerAndCloseTheDemoAsync();
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "analyst@example.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Analyses" }).ClickAsync();
        await WaitUntilCompiledAsync(page);

        var card = page.Locator(".card", new() { HasText = "WG-Study" });
        Assert.StartsWith("Compiled on", (await card.Locator("[data-analysis-status]").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        var whole = await page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Download workbook", Exact = true }).ClickAsync());
        Assert.StartsWith("analysis-wg-study", whole.SuggestedFilename);
        using (var workbook = new XLWorkbook(File.OpenRead(await whole.PathAsync())))
            Assert.Contains("Overview", workbook.Worksheets.Select(w => w.Name));
        var tier = await page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link,
            new() { Name = "Download workbook: i) Questions to Member States only" }).ClickAsync());
        Assert.EndsWith("-MemberStates.xlsx", tier.SuggestedFilename);
        using (var workbook = new XLWorkbook(File.OpenRead(await tier.PathAsync())))
            Assert.Contains("Kenya", string.Join(" ", workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString())));
        var open = await page.Context.APIRequest.GetAsync($"/analysis/{consultation}/workbook?tier=Open");
        Assert.Equal(200, open.Status);
        Assert.Equal("PK"u8.ToArray(), (await open.BodyAsync())[..2]);
    }

    [SkippableTheory]
    [InlineData("en", "Not open to you")]
    [InlineData("ar", "غير متاح لك")]
    public async Task ARespondentGets403InTheirLanguageAndASignedOutVisitorIsAskedToSignIn(string culture, string title)
    {
        var respondent = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(respondent, "focal.ngo@example.org", culture);
        foreach (var path in new[] { "/analysis", $"/analysis/{Guid.NewGuid()}/workbook" })
        {
            var response = await respondent.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            Assert.Equal(title, await respondent.Locator("h1").InnerTextAsync());
            Assert.Equal(culture == "ar" ? "rtl" : "ltr", await respondent.GetAttributeAsync("html", "dir"));
        }
        Assert.Equal(0, await respondent.GetByRole(AriaRole.Link, new() { Name = "Analyses" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(respondent);

        var visitor = await chromium.NewPageAsync(portal.Address);
        await visitor.GotoAsync("/analysis");
        Assert.Equal("/account/login", new Uri(visitor.Url).AbsolutePath);
        Assert.Contains("returnUrl=%2Fanalysis", visitor.Url);
    }

    [SkippableFact]
    public async Task AWorkbookAskedForBeforeTheCompileIsAPageSayingSo()
    {
        var page = await chromium.NewPageAsync(portal.Address, "ar");
        await DemoPortal.SignInAsync(page, "analyst@example.org", "ar");
        var id = await portal.PublishAsync("Still open", TimeSpan.Zero, null, DemoPortal.TextQuestion("1", "Anything?", Data.QuestionTier.Open));

        var response = await page.GotoAsync($"/analysis/{id}/workbook");

        Assert.Equal(409, response!.Status);
        Assert.Equal("المصنّف غير جاهز", await page.Locator("h1").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>Kenya's focal point submits an answer to tier i in the browser; then the Secretariat closes the demo consultation now.</summary>
    private async Task<Guid> AnswerAndCloseTheDemoAsync()
    {
        var focalPoint = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(focalPoint, "focal.ke@example.org");
        await focalPoint.Locator(".card h3 a").First.ClickAsync();
        var id = Guid.Parse(new Uri(focalPoint.Url).Segments[^1]);
        await focalPoint.GetByLabel("1a) What are the spheres of competence").FillAsync("Spectrum and orbits, as Kenya sees them.");
        await focalPoint.GetByRole(AriaRole.Button, new() { Name = "Review and submit" }).ClickAsync();
        await focalPoint.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        using var scope = portal.Server.Services.CreateScope();
        Assert.Equal(Consultations.CloseOutcome.Closed, await scope.ServiceProvider.GetRequiredService<Consultations.CloseConsultationNow>().CloseAsync(null, id));
        return id;
    }

    /// <summary>Reloads as a person without scripts would use the Refresh link, until the analysis says compiled (the compile is a real job).</summary>
    private static async Task WaitUntilCompiledAsync(IPage page)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (await page.Locator("[data-analysis-status=Ready]").CountAsync() > 0)
                return;
            await Task.Delay(500);
            await page.GotoAsync("/analysis");
        }
        Assert.Fail("The analysis was not compiled within a minute.");
    }
}
