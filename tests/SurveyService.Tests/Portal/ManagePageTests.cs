using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>The Secretariat's list of consultations with responses by category; closed to everyone else.</summary>
public sealed class ManagePageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheSecretariatSeesEveryConsultationWithResponsesByCategoryRising(string culture)
    {
        var draft = await DraftAsync($"A draft ({culture})");
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.Locator("header .account a[href='/manage']").ClickAsync();

        var demo = page.Locator("tr", new() { HasText = "WG-Study" });
        var memberStates = demo.Locator("li[data-category=MemberState]");
        var before = await memberStates.InnerTextAsync();
        Assert.Equal(1, await page.Locator($"tr[data-consultation='{draft}']").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // A Member State saves a draft: one more draft among the three, in the reader's language.
        var kenya = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(kenya, culture == "en" ? "focal.ke@example.org" : "focal.ar@example.org");
        await kenya.Locator(".card h3 a").First.ClickAsync();
        await kenya.GetByLabel("1a) What are the spheres of competence").FillAsync("A draft from Kenya.");
        await kenya.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.ReloadAsync();

        var after = await memberStates.InnerTextAsync();
        int[] Counts(string text) => [.. Regex.Matches(text, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];
        Assert.Equal([0, Counts(before)[1] + 1, 3], Counts(after)); // submitted, drafts, Member States in the demo
        if (culture == "en")
        {
            Assert.Matches("^Member States: 0 submitted and [12] drafts, of 3 entities$", after);
            Assert.Equal("Open for answers", await demo.Locator("td").First.InnerTextAsync());
            Assert.Equal("Draft, not published", await page.Locator($"tr[data-consultation='{draft}'] td").First.InnerTextAsync());
        }
        else
        {
            Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
            Assert.Contains("مسودات، من أصل", after);
        }
    }

    [SkippableTheory]
    [InlineData("en", "Not open to you")]
    [InlineData("ar", "غير متاح لك")]
    public async Task ARespondentAndAnAnalystGet403InTheirLanguage(string culture, string title)
    {
        foreach (var email in new[] { "focal.ch@example.org", "analyst@example.org" })
        {
            var page = await chromium.NewPageAsync(portal.Address);
            await DemoPortal.SignInAsync(page, email, culture);
            var response = await page.GotoAsync("/manage");
            Assert.Equal(403, response!.Status);
            Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
            Assert.Equal(0, await page.Locator("header .account a[href='/manage']").CountAsync());
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    private async Task<Guid> DraftAsync(string title)
    {
        using var scope = portal.Server.Services.CreateScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var consultation = await scope.ServiceProvider.GetRequiredService<Consultations.CreateConsultation>()
            .CreateAsync(new Consultations.CreateConsultationRequest(title, now.AddDays(1), now.AddDays(20)));
        return consultation.Id;
    }
}
