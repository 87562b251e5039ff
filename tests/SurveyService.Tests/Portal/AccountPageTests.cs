using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>The Secretariat adds entities, focal points and staff by hand, and disables and enables accounts.</summary>
public sealed class AccountPageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheSecretariatAddsAnEntityAndAFocalPointWhoSignsInUntilDisabledAndAgainOnceEnabled(string culture)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"focal-{tag}@example.org";
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.GotoAsync("/manage/entities");
        await page.Locator("a[href='/manage/entities/new']").ClickAsync();

        // Nothing given: every field is named in the summary, which takes the focus.
        await page.Locator("#country").FillAsync("Kenya");
        await page.Locator("form button.primary").ClickAsync();
        Assert.Equal(["#name", "#category", "#country"], await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        Assert.True(await page.Locator(".error-summary").EvaluateAsync<bool>("summary => summary === document.activeElement"));
        Assert.Equal("Kenya", await page.Locator("#country").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#name").FillAsync($"Ministry {tag}");
        await page.Locator("#category-MemberState").CheckAsync();
        await page.Locator("#country").FillAsync("ke");
        await page.Locator("form button.primary").ClickAsync();
        await page.WaitForURLAsync("**/manage/entities/*?created=true");
        Assert.Equal($"Ministry {tag}", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("KE", (await page.Locator("dl.facts dd").Nth(1).InnerTextAsync()).Trim());

        await page.Locator("#name").FillAsync("A Focal Point");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync("short");
        await page.Locator("form button.primary").ClickAsync();
        Assert.Equal(["#password"], await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        Assert.Equal(email, await page.Locator("#email").InputValueAsync());
        await page.Locator("#password").FillAsync(DemoPortal.Password);
        await page.Locator("form button.primary").ClickAsync();
        await page.WaitForURLAsync("**added=*");
        Assert.Contains(email, await page.Locator(".notice").InnerTextAsync());
        Assert.Equal(1, await page.Locator("table.manage tbody tr").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        var focalPoint = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(focalPoint, email, culture);
        Assert.Equal("A Focal Point", await focalPoint.Locator("header .who").InnerTextAsync());

        await page.Locator("table.manage tbody button").ClickAsync();
        await page.WaitForURLAsync("**disabled=*");
        Assert.Equal(culture == "en" ? "Disabled" : "معطَّل", (await page.Locator("table.manage tbody td").Nth(1).InnerTextAsync()).Trim());
        Assert.False(await SignsInAsync(email, culture));

        await page.Locator("table.manage tbody button").ClickAsync();
        await page.WaitForURLAsync("**enabled=*");
        Assert.True(await SignsInAsync(email, culture));
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheSecretariatAddsAnAnalystWhoReadsTheAnalysesAndCannotDisableItself(string culture)
    {
        var email = $"analyst-{Guid.NewGuid():N}@example.org";
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.GotoAsync("/manage");
        await page.Locator("a[href='/manage/staff']").ClickAsync();
        var own = page.Locator("table.manage tbody tr", new() { HasText = SurveyApplication.SecretariatEmail });
        Assert.Equal(0, await own.Locator("button").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#name").FillAsync("A New Analyst");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoPortal.Password);
        await page.Locator("form button.primary").ClickAsync();
        Assert.Equal(["#role"], await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await page.Locator("#password").FillAsync(DemoPortal.Password);
        await page.Locator("#role-Analyst").CheckAsync();
        await page.Locator("form button.primary").ClickAsync();
        await page.WaitForURLAsync("**added=*");
        Assert.Equal(1, await page.Locator("table.manage tbody tr", new() { HasText = email }).CountAsync());

        var analyst = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(analyst, email, culture);
        Assert.Equal(200, (await analyst.GotoAsync("/analysis"))!.Status);
        Assert.Equal(403, (await analyst.GotoAsync("/manage/staff"))!.Status);
    }

    [SkippableFact]
    public async Task ARespondentGets403OnTheAccountPages()
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.ch@example.org");
        foreach (var path in new[] { "/manage/staff", "/manage/entities/new", $"/manage/entities/{Guid.NewGuid()}" })
            Assert.Equal(403, (await page.GotoAsync(path))!.Status);
    }

    /// <summary>Through the sign-in form in a fresh browser: whether it leads on or says the sign-in failed.</summary>
    private async Task<bool> SignsInAsync(string email, string culture)
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await page.GotoAsync($"/account/login?culture={culture}");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoPortal.Password);
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.Ordinal));
        await page.Locator("main button[type=submit]").ClickAsync();
        await posted;
        await page.WaitForLoadStateAsync();
        return !page.Url.Contains("/account/login", StringComparison.Ordinal);
    }
}
