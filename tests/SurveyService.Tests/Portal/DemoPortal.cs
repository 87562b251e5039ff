using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>The portal on a real port with the demo loaded: the WG-Study consultation open, and a focal point of every category.</summary>
public sealed class DemoPortal : IAsyncLifetime
{
    public const string Password = "Demo-Password-2026";

    public PortalServer Server { get; } = new();

    public string Address { get; private set; } = "";

    public Task InitializeAsync()
    {
        Server.Settings["Demo:Enabled"] = "true";
        Server.Settings["Demo:Password"] = Password;
        Address = Server.Address;
        return Task.CompletedTask;
    }

    /// <summary>Signs in through the form, by keyboard: type, tab, type, Enter.</summary>
    public static async Task SignInAsync(IPage page, string email, string culture = "en")
    {
        await page.GotoAsync($"/account/login?culture={culture}");
        await page.Locator("#email").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
