using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>
/// The questionnaire page's pictures in docs/, taken from the running portal:
/// <c>SURVEY_UPDATE_SCREENSHOTS=1 dotnet test --filter PortalScreenshots</c>. Skipped otherwise.
/// </summary>
public sealed class PortalScreenshots(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheQuestionnaireAsAMemberStateSeesIt(string culture)
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("SURVEY_UPDATE_SCREENSHOTS") == "1", "Set SURVEY_UPDATE_SCREENSHOTS=1 to take the pictures again.");
        var page = await chromium.NewPageAsync(portal.Address);
        await page.SetViewportSizeAsync(1000, 1400);
        await DemoPortal.SignInAsync(page, "focal.ke@example.org", culture);
        await page.Locator(".card h3 a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/consultations/"));

        var file = Path.Combine(PortalTranslationTests.RepositoryRoot, "docs", $"portal-questionnaire-{culture}.png");
        await page.ScreenshotAsync(new() { Path = file });

        Assert.True(new FileInfo(file).Length > 10_000);
    }
}
