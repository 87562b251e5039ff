using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>
/// Issue 13's Done list for the Secretariat, walked in one go as a person would: import entities
/// from a file (a dry run with errors first, then a clean one), give an imported entity a focal
/// point who can sign in, build a consultation with questions in all three tiers, preview it as a
/// Stakeholder and as a Member State, publish, extend the deadline, and see the responses rise.
/// </summary>
public sealed class SecretariatWalkTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheSecretariatImportsBuildsPreviewsPublishesExtendsAndSeesResponsesRise(string culture)
    {
        var tag = $"{culture}-{Guid.NewGuid().ToString("N")[..6]}";
        var ministry = $"Ministry of Digital Affairs {tag}";
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);

        // The list, checked first: each problem on its row; nothing imported.
        await page.GotoAsync("/manage");
        await page.Locator("a[href='/manage/entities/import']").ClickAsync();
        await UploadAsync(page, "name,category,countryCode,emails\n"
            + $"{ministry},MemberState,NA,minister-{tag}@example.org\n"
            + $"Satellite Co {tag},Operator,LU,sat-{tag}@example.org\n");
        await page.Locator("button[value=check]").ClickAsync();
        var problems = await page.Locator("table.problems tbody tr").AllInnerTextsAsync();
        Assert.StartsWith("3", Assert.Single(problems).Trim());
        await UploadAsync(page, "name,category,countryCode,emails\n"
            + $"{ministry},MemberState,NA,minister-{tag}@example.org\n"
            + $"Satellite Co {tag},SectorMember,LU,sat-{tag}@example.org\n");
        await page.Locator("button[value=check]").ClickAsync();
        Assert.Equal(0, await page.Locator("table.problems").CountAsync());
        await UploadAsync(page, "name,category,countryCode,emails\n"
            + $"{ministry},MemberState,NA,minister-{tag}@example.org\n"
            + $"Satellite Co {tag},SectorMember,LU,sat-{tag}@example.org\n");
        await page.Locator("button[value=import]").ClickAsync();
        Assert.Contains("imported=2", page.Url);

        // An imported focal point has no password: the Secretariat adds one who can sign in.
        await page.GotoAsync($"/manage/entities?q={Uri.EscapeDataString(tag)}");
        await page.Locator("table.manage tbody th a", new() { HasText = ministry }).ClickAsync();
        Assert.Equal(1, await page.Locator("table.manage tbody tr").CountAsync()); // the imported address
        var focalPoint = $"deputy-{tag}@example.org";
        await page.Locator("#name").FillAsync("Deputy Minister");
        await page.Locator("#email").FillAsync(focalPoint);
        await page.Locator("#password").FillAsync(DemoPortal.Password);
        await page.Locator("form button.primary").ClickAsync();
        await page.WaitForURLAsync("**added=*");

        // A consultation open from now, questions in every tier.
        var title = $"Broadband for all {tag}";
        await page.GotoAsync("/manage/consultations/new");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#opens").FillAsync(DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow.Date.AddDays(30).AddHours(17);
        await page.Locator("#closes").FillAsync(deadline.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("form button.primary").ClickAsync();
        await page.WaitForURLAsync("**/manage?created=*");
        await page.Locator("p.notice a").ClickAsync();
        await AddAsync(page, "1a", "Which spectrum bands does your administration plan to assign?", "MemberStates", "Text");
        await AddAsync(page, "2a", "Should the study group continue?", "Membership", "SingleChoice", "Yes\nNo");
        await AddAsync(page, "3a", "How useful was the last workshop?", "Open", "Scale", scale: ("1", "5"));
        Assert.Equal(["1a", "2a", "3a"], await page.Locator("[data-question]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.question)"));
        var consultation = new Uri(page.Url).AbsolutePath.TrimEnd('/');

        await page.Locator("a[href$='/preview?category=Stakeholder']").ClickAsync();
        Assert.Equal(["iii"], await NumeralsAsync(page));
        await page.Locator("nav a[href='?category=MemberState']").ClickAsync();
        Assert.Equal(["i", "ii", "iii"], await NumeralsAsync(page));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync(consultation);
        await page.Locator($"a[href='{consultation}/publish']").ClickAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == consultation);

        await page.Locator($"a[href='{consultation}/extend']").ClickAsync();
        await page.Locator("#closes").FillAsync(deadline.AddDays(10).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#reason").FillAsync("Asked by several Member States");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("extended=true"));

        // The new focal point answers tier i and submits; the Member States' submitted count rises.
        var row = page.Locator("tr", new() { HasText = title }).Locator("li[data-category=MemberState]");
        await page.GotoAsync("/manage");
        var before = Counts(await row.InnerTextAsync());
        var respondent = await chromium.NewPageAsync(portal.Address, javaScript: false);
        await DemoPortal.SignInAsync(respondent, focalPoint, culture);
        await respondent.GotoAsync(consultation.Replace("/manage", ""));
        Assert.Contains(culture == "en" ? "Deadline extended from" : "مُدِّد", await respondent.Locator("[data-extended]").InnerTextAsync());
        await respondent.Locator("textarea").First.FillAsync("The 700 MHz band, in 2027.");
        await respondent.Locator("button[name=next][value=review]").ClickAsync();
        await respondent.Locator(".actions button[type=submit]").ClickAsync();
        await respondent.WaitForURLAsync("**/receipt?submitted=true");

        await page.ReloadAsync();
        var after = Counts(await row.InnerTextAsync());
        Assert.Equal(before[0] + 1, after[0]); // submitted
        Assert.Equal(before[2], after[2]);     // the Member States that could answer
    }

    private static int[] Counts(string text) => [.. Regex.Matches(text, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];

    private static Task UploadAsync(IPage page, string csv) =>
        page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "entities.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

    private static async Task<IReadOnlyList<string>> NumeralsAsync(IPage page) =>
        [.. (await page.Locator(".preview h3 bdi").AllInnerTextsAsync()).Select(n => n.TrimEnd(')'))];

    private static async Task AddAsync(IPage page, string code, string text, string tier, string type, string? options = null,
        (string Min, string Max)? scale = null)
    {
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#tier").SelectOptionAsync(tier);
        await page.Locator("#type").SelectOptionAsync(type);
        await page.Locator("#options").FillAsync(options ?? "");
        await page.Locator("#scale-min").FillAsync(scale?.Min ?? "");
        await page.Locator("#scale-max").FillAsync(scale?.Max ?? "");
        await page.Locator("#required").SetCheckedAsync(false);
        await page.Locator("form button.primary").ClickAsync();
        await page.Locator($"[data-question='{code}']").WaitForAsync();
    }
}
