using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>The portal's pages in a real browser, as a person reads them, in English and in Arabic.</summary>
public sealed class PortalPageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    public static readonly TheoryData<string, string> PagesSignedOut = new()
    {
        { "en", "/" }, { "ar", "/" },
        { "en", "/account/login" }, { "ar", "/account/login" },
        { "en", "/account/register" }, { "ar", "/account/register" },
        { "en", "/no-such-page" }, { "ar", "/no-such-page" },
    };

    [SkippableTheory]
    [MemberData(nameof(PagesSignedOut))]
    public async Task EveryPageSignedOutIsInTheReadersLanguageAndDirectionWithNothingForAxeToFind(string culture, string path)
    {
        var page = await chromium.NewPageAsync(portal.Address);

        await page.GotoAsync($"{path}?culture={culture}");

        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(culture == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [SkippableTheory]
    [InlineData("en", "Your entity", "Not started", "Sign out")]
    [InlineData("ar", "جهتك", "لم تبدأ بعد", "تسجيل الخروج")]
    public async Task AFocalPointSignsInByKeyboardSeesItsEntitysStateAndSignsOut(string culture, string entity, string notStarted, string signOut)
    {
        var page = await chromium.NewPageAsync(portal.Address);

        await DemoPortal.SignInAsync(page, "focal.ke@example.org", culture);

        var card = page.Locator(".card").First;
        Assert.Equal(entity, await card.Locator("dt").Nth(2).InnerTextAsync());
        Assert.Equal(notStarted, (await card.Locator("dd").Nth(2).InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = signOut }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = signOut }).CountAsync());
        Assert.Equal(0, await page.Locator(".card dt", new() { HasText = entity }).CountAsync());
    }

    [SkippableFact]
    public async Task AWrongPasswordKeepsTheAddressAndSaysWhyWithoutSayingWhetherTheAccountExists()
    {
        var page = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync("focal.ke@example.org");
        await page.GetByLabel("Password").FillAsync("not-the-password");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            r => r.Url.Contains("/account/login") && r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        Assert.Contains("The email or password is wrong", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("focal.ke@example.org", await page.GetByLabel("Email").InputValueAsync());
        Assert.Equal("", await page.GetByLabel("Password").InputValueAsync());
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AStakeholderRegistersAfterFixingWhatTheErrorSummaryPointsTo(bool javaScript)
    {
        var page = await chromium.NewPageAsync(portal.Address, javaScript: javaScript);
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync("not an address");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        var summary = page.Locator(".error-summary");
        Assert.Equal(["Give a valid email address, such as name@example.org.", "Give your name (at most 200 characters)."],
            await summary.Locator("li").AllInnerTextsAsync());
        Assert.Equal("not an address", await page.GetByLabel("Email").InputValueAsync());
        Assert.Equal("true", await page.GetByLabel("Email").GetAttributeAsync("aria-invalid"));
        if (javaScript)
        {
            // Reading the focus, and axe itself, need scripts in the page.
            Assert.True(await summary.EvaluateAsync<bool>("e => document.activeElement === e"), "The error summary should take the focus.");
            await Accessibility.AssertNoViolationsAsync(page);
            await summary.GetByRole(AriaRole.Link, new() { Name = "Give your name (at most 200 characters)." }).ClickAsync();
            Assert.Equal("name", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }

        // The address and the name now pass; the password policy is the next to speak.
        await page.GetByLabel("Email").FillAsync($"ngo-{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByLabel("Name").FillAsync("Amina Diallo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        Assert.Equal(["Use a password of at least 10 characters with an upper-case letter, a lower-case letter and a digit."],
            await page.Locator(".error-summary li").AllInnerTextsAsync());
        Assert.Equal("Amina Diallo", await page.GetByLabel("Name").InputValueAsync());

        var email = $"ngo-{Guid.NewGuid():N}@example.org";
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Strong-Password-2026");
        await page.GetByLabel("Name").FillAsync("Amina Diallo");
        await page.GetByLabel("Organization").FillAsync("Digital Rights Network");
        await page.GetByLabel("Country").FillAsync("SN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal("Amina Diallo", await page.Locator(".who").InnerTextAsync());
        Assert.Equal("Not started", (await page.Locator(".card dd").Nth(2).InnerTextAsync()).Trim());
    }

    [SkippableFact]
    public async Task TheChosenLanguageIsRememberedAndEveryLanguageIsNamedInItself()
    {
        var page = await chromium.NewPageAsync(portal.Address, locale: "en-GB");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();

        await page.GotoAsync("/account/login");

        Assert.Equal("ru", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Войти", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(["العربية", "中文", "English", "Français", "Русский", "Español"],
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Язык" }).GetByRole(AriaRole.Link).AllInnerTextsAsync());
    }

    [SkippableFact]
    public async Task TheBrowsersLanguageChoosesTheInterfaceWhenNoneWasChosen()
    {
        var page = await chromium.NewPageAsync(portal.Address, locale: "es-AR");

        await page.GotoAsync("/");

        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Consultas", await page.Locator("h1").InnerTextAsync());
    }

    [SkippableFact]
    public async Task TheDeadlineIsGivenInUtcAndInTheReadersOwnTimeZone()
    {
        var page = await chromium.NewPageAsync(portal.Address);

        await page.GotoAsync("/");

        var deadline = page.Locator(".card time").First;
        Assert.EndsWith("UTC", await deadline.InnerTextAsync());
        var instant = DateTimeOffset.Parse(await deadline.GetAttributeAsync("datetime") ?? "");
        var tokyo = instant.ToOffset(TimeSpan.FromHours(9));
        var local = await page.Locator(".card .local-time").First.InnerTextAsync();
        Assert.StartsWith("Your time:", local);
        Assert.Contains(tokyo.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture), local);
    }
}
