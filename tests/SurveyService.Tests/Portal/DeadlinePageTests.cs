using System.Globalization;
using Microsoft.Playwright;
using SurveyService.Data;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>
/// Issue 13: the Secretariat extends a published deadline with a reason (/manage/consultations/{id}/extend),
/// reads it in the audit trail (/manage/consultations/{id}/audit), and respondents read "Deadline
/// extended from … to …" (seed 002: "the deadline initially set for the 21 January … extended until
/// 31 January"). In English and Arabic, with scripts running, checked by axe-core.
/// </summary>
public sealed class DeadlinePageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    private const string MinuteFormat = "yyyy-MM-ddTHH:mm";

    [SkippableTheory]
    [InlineData("en", "Extended the deadline from", "Deadline extended from")]
    [InlineData("ar", "مدّد الموعد النهائي من", "مُدِّد الموعد النهائي من")]
    public async Task TheSecretariatExtendsADeadlineWithAReasonAndRespondentsAreTold(string culture, string audited, string told)
    {
        var id = await portal.PublishAsync($"Extended ({culture})", TimeSpan.Zero, null,
            DemoPortal.TextQuestion("1a", "Anything to add?", QuestionTier.Open));
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.GotoAsync($"/manage/consultations/{id}");
        await page.Locator($"a[href='/manage/consultations/{id}/extend']").ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // The current deadline again, with a reason: refused beside the deadline, the reason kept.
        var current = await page.Locator("#closes").InputValueAsync();
        await page.Locator("#reason").FillAsync("Asked by several Member States");
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal(1, await page.Locator("#closes-error").CountAsync());
        Assert.Equal(0, await page.Locator("#reason-error").CountAsync());
        Assert.Equal("Asked by several Member States", await page.Locator("#reason").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // A later deadline without a reason: refused beside the reason, the deadline kept.
        var later = DateTime.ParseExact(current, MinuteFormat, CultureInfo.InvariantCulture).AddDays(10).ToString(MinuteFormat, CultureInfo.InvariantCulture);
        await page.Locator("#closes").FillAsync(later);
        await page.Locator("#reason").FillAsync("   ");
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal(1, await page.Locator("#reason-error").CountAsync());
        Assert.Equal(0, await page.Locator("#closes-error").CountAsync());
        Assert.Equal(later, await page.Locator("#closes").InputValueAsync());
        if (culture == "en")
        {
            Assert.Equal("Give the reason for extending the deadline.", await page.Locator("#reason-error").InnerTextAsync());
            Assert.Equal("Extend the deadline", await page.Locator("h1").InnerTextAsync());
        }
        else
            Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));

        await page.Locator("#reason").FillAsync("Asked by several Member States");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("extended=true"));
        Assert.Equal(1, await page.Locator("p.notice[role=status]").CountAsync());
        Assert.Contains(told, await page.Locator("[data-extended]").InnerTextAsync());

        await page.Locator($"a[href='/manage/consultations/{id}/audit']").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/audit", StringComparison.Ordinal));
        var extension = page.Locator("tbody tr", new() { HasText = audited });
        Assert.Equal(1, await extension.CountAsync());
        Assert.Contains(SurveyApplication.SecretariatEmail, await extension.InnerTextAsync());
        Assert.Contains("Asked by several Member States", await extension.InnerTextAsync());
        // Newest first: the extension above the publishing, which the service did for the demo (no one named).
        Assert.Contains(audited, await page.Locator("tbody tr").First.InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        var respondent = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(respondent, "focal.ch@example.org", culture);
        await respondent.GotoAsync($"/consultations/{id}");
        Assert.Contains(told, await respondent.Locator("[data-extended]").InnerTextAsync());
        await respondent.GotoAsync("/");
        var card = respondent.Locator(".card", new() { Has = respondent.Locator($"a[href='/consultations/{id}']") });
        Assert.Contains(told, await card.Locator("[data-extended]").InnerTextAsync());
        var demo = respondent.Locator(".card", new() { HasText = "WG-Study" });
        Assert.True(await demo.Locator("[data-extended]").CountAsync() == 0, string.Join("\n---\n", await demo.AllInnerTextsAsync()));
    }

    [SkippableTheory]
    [InlineData("en", "Not open to you")]
    [InlineData("ar", "غير متاح لك")]
    public async Task ARespondentGets403OnBothPagesInTheirLanguage(string culture, string title)
    {
        var id = await portal.PublishAsync($"Not theirs ({culture})", TimeSpan.Zero, null, DemoPortal.TextQuestion("1a", "Anything?", QuestionTier.Open));
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsync(page, "focal.ke@example.org", culture);
        foreach (var path in new[] { $"/manage/consultations/{id}/extend", $"/manage/consultations/{id}/audit" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        }
        var posted = await page.APIRequest.PostAsync($"/manage/consultations/{id}/extend",
            new() { Form = page.APIRequest.CreateFormData().Set("ClosesAt", "2099-01-01T00:00").Set("Reason", "Mine") });
        Assert.True(posted.Status is 400 or 403, $"Expected the post refused, got {posted.Status}.");
    }
}
