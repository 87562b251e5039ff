using Microsoft.Playwright;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright. Without it the browser tests are skipped with the
/// command that installs it; CI installs it, so there they always run.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    public const string Missing = "Chromium is not installed: run `sudo apt-get install -y chromium` (Debian) to run the browser tests.";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public async Task InitializeAsync()
    {
        if (!IsInstalled)
            return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // The machines have no internet: without these, Chromium's own background calls fail noisily.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) in the given language, with or without JavaScript.</summary>
    public async Task<IPage> NewPageAsync(string baseAddress, string locale = "en", bool javaScript = true)
    {
        // CI sets SURVEY_TEST_BROWSER=1 and installs the browser: there a missing one is a failure, not a skip.
        if (Environment.GetEnvironmentVariable("SURVEY_TEST_BROWSER") == "1")
            Assert.True(IsInstalled, Missing);
        Skip.IfNot(IsInstalled, Missing);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress,
            Locale = locale,
            JavaScriptEnabled = javaScript,
            TimezoneId = "Asia/Tokyo",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
