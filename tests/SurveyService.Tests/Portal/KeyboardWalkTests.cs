using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>
/// The respondent's whole journey by keyboard only, with and without scripts, in English and in
/// Arabic: a stakeholder registers, answers tier iii, saves a draft, signs out, comes back, submits
/// and prints the receipt. Every step is reached with Tab and taken with Enter; nothing is clicked.
/// </summary>
public sealed class KeyboardWalkTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    [SkippableTheory]
    [InlineData("en", true)]
    [InlineData("en", false)]
    [InlineData("ar", true)]
    [InlineData("ar", false)]
    public async Task AStakeholderRegistersAnswersLeavesComesBackSubmitsAndPrintsTheReceipt(string culture, bool javaScript)
    {
        var page = await chromium.NewPageAsync(portal.Address, javaScript: javaScript);
        var email = $"walk-{culture}-{javaScript}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();

        await page.GotoAsync($"/account/register?culture={culture}");
        await TypeIntoAsync(page, "#email", email);
        await TypeIntoAsync(page, "#password", DemoPortal.Password);
        await TypeIntoAsync(page, "#name", "Amina Diallo");
        await PressAsync(page, "main button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await PressAsync(page, ".card h3 a");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/consultations/", StringComparison.Ordinal));
        var consultation = new Uri(page.Url).AbsolutePath;
        Assert.Equal(5, await page.Locator("form.questionnaire textarea").CountAsync()); // tier iii only
        await TypeIntoAsync(page, "form.questionnaire textarea", "Written with the keyboard alone.");
        await PressAsync(page, "form.questionnaire button:not([value])"); // Save draft
        await page.WaitForURLAsync(url => url.Contains("saved=", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("p.notice[role=status]").CountAsync());

        // Leave: sign out, and come back later by signing in again.
        await PressAsync(page, "header .account button");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal(1, await page.Locator("header .account a[href='/account/register']").CountAsync());
        await DemoPortal.SignInAsync(page, email, culture);
        await page.GotoAsync("/");
        await PressAsync(page, ".card h3 a");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == consultation);
        Assert.Equal("Written with the keyboard alone.", await page.Locator("form.questionnaire textarea").First.InputValueAsync());

        await PressAsync(page, "form.questionnaire button[value=review]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/review", StringComparison.Ordinal));
        await PressAsync(page, "main form button[type=submit]"); // Submit
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/receipt", StringComparison.Ordinal));

        Assert.Equal(culture == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        Assert.Contains("Written with the keyboard alone.", await page.Locator("dl.answers dd").AllInnerTextsAsync());
        Assert.Equal(javaScript, await page.Locator("button[data-print]").IsVisibleAsync());

        // On paper: the receipt and every answer, without the site's navigation or buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.site nav").IsVisibleAsync());
        Assert.False(await page.Locator("main .actions").IsVisibleAsync());
        Assert.True(await page.Locator("dl.receipt").IsVisibleAsync());
        Assert.True(await page.Locator("dl.answers").IsVisibleAsync());
        var pdf = await page.PdfAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    /// <summary>Tabs until the element is focused, then types into it, as a person does.</summary>
    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Tabs to a link or button and presses Enter on it.</summary>
    private static async Task PressAsync(IPage page, string selector)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Presses Tab until the first element the selector finds has the focus; fails if Tab never reaches it.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        // :focus is read by Playwright's own selector engine, which works where the page's scripts are off.
        var focused = page.Locator(selector).First.And(page.Locator(":focus"));
        for (var presses = 0; presses < 80; presses++)
        {
            if (await focused.CountAsync() == 1)
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector} on {page.Url}.");
    }
}
