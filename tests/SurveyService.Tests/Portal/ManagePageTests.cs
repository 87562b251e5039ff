using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SurveyService.Data;
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

    [SkippableFact]
    public async Task TheSecretariatCreatesAConsultationAfterFixingWhatTheFormSaysAndFindsItAsADraft()
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page);
        await page.GotoAsync("/manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "New consultation" }).ClickAsync();
        foreach (var category in new[] { "Member States", "Sector Members", "Associates", "Academia", "Stakeholders" })
            await page.GetByRole(AriaRole.Group, new() { Name = "Who may answer" }).GetByLabel(category).UncheckAsync();
        await page.GetByLabel("Description").FillAsync("Kept while the rest is corrected.");
        await page.GetByLabel("Deadline (UTC)").FillAsync("2020-01-01T09:00");
        await page.GetByRole(AriaRole.Group, new() { Name = "Weights" }).GetByLabel("Stakeholders").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the consultation" }).ClickAsync();

        string[] expected = ["Give a title of at most 300 characters.", "Give the deadline as a date and time in UTC, after the opening.",
            "Choose at least one category that may answer.", "Stakeholders: give a weight above 0 and at most 1,000, with at most four decimal places."];
        Assert.Equal(expected.Order(), (await page.Locator(".error-summary li").AllInnerTextsAsync()).Order());
        Assert.Equal("Kept while the rest is corrected.", await page.GetByLabel("Description").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#title").FillAsync("Spectrum for rural connectivity");
        await page.GetByLabel("Deadline (UTC)").FillAsync("2099-01-15T17:00");
        await page.GetByRole(AriaRole.Group, new() { Name = "Who may answer" }).GetByLabel("Member States").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Who may answer" }).GetByLabel("Stakeholders").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Weights" }).GetByLabel("Stakeholders").FillAsync("0.25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the consultation" }).ClickAsync();

        Assert.Equal("/manage", new Uri(page.Url).AbsolutePath);
        Assert.StartsWith("“Spectrum for rural connectivity” was created as a draft.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var row = page.Locator("tr", new() { HasText = "Spectrum for rural connectivity" });
        Assert.Equal("Draft, not published", await row.Locator("td").First.InnerTextAsync());
        Assert.Equal(["MemberState", "Stakeholder"], await row.Locator("li[data-category]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.category)"));
        using var scope = portal.Server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Consultations.Include(c => c.Weights)
            .SingleAsync(c => c.Title == "Spectrum for rural connectivity");
        Assert.Equal(0.25m, created.Weights.Single(w => w.Category == RespondentCategory.Stakeholder).Weight);
        Assert.Equal("Kept while the rest is corrected.", created.Description);
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheSecretariatAddsQuestionsInEveryTierAndPublishesAfterAConfirmation(string culture)
    {
        var id = await DraftAsync($"Questions to add ({culture})");
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.GotoAsync($"/manage/consultations/{id}");
        Assert.Equal(0, await page.Locator($"a[href='/manage/consultations/{id}/publish']").CountAsync()); // nothing to publish yet

        await AddAsync(page, "1a", "For governments only?", QuestionTier.MemberStates, QuestionType.Text, maxLength: "2000");
        await AddAsync(page, "2a", "Is the mandate clear?", QuestionTier.Membership, QuestionType.SingleChoice, options: "Yes\nNo\nPartly");
        await AddAsync(page, "3a", "How useful is this?", QuestionTier.Open, QuestionType.Scale, scale: ("1", "7"));
        // A code already taken: refused beside the field, with the text kept.
        var refused = await page.RunAndWaitForResponseAsync(() => AddAsync(page, "3A", "Same code, other case.", QuestionTier.Open, QuestionType.Text),
            r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Equal(1, await page.Locator(".error-summary li").CountAsync());
        Assert.Equal("Same code, other case.", await page.Locator("#text").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        Assert.Equal(["1a", "2a", "3a"], await page.Locator("[data-question]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.question)"));
        await page.Locator($"a[href='/manage/consultations/{id}/publish']").ClickAsync();
        Assert.Contains(culture == "en" ? "its 3 questions and who may answer can no longer change" : "3", await page.Locator("main").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("main form button[type=submit]").ClickAsync();

        Assert.Equal($"/manage/consultations/{id}", new Uri(page.Url).AbsolutePath);
        Assert.Equal(1, await page.Locator("p.notice[role=status]").CountAsync());
        Assert.Equal(0, await page.Locator("form #code").CountAsync()); // published: no more questions
        using var scope = portal.Server.Services.CreateScope();
        var questions = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Questions.Where(q => q.ConsultationId == id).OrderBy(q => q.Order).ToListAsync();
        Assert.Equal(2000, questions[0].MaxLength);
        Assert.Equal(["Yes", "No", "Partly"], questions[1].Options);
        Assert.Equal((1, 7), (questions[2].ScaleMin, questions[2].ScaleMax));
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheSecretariatChecksAListWithErrorsThenImportsACleanWorkbook(string culture)
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.GotoAsync("/manage");
        await page.Locator("a[href='/manage/entities/import']").ClickAsync();
        var csv = "name,category,countryCode,emails\n"
            + $"Ministry of Posts ({culture}),Member State,GH,posts-{culture}@example.org\n"
            + $"Fibre Co ({culture}),Operator,FR,fibre-{culture}@example.org\n"
            + $"Ministry of Posts ({culture}),MemberState,GH,not-an-address\n";
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "entities.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        var checkedResponse = await page.RunAndWaitForResponseAsync(() => page.Locator("button[value=check]").ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, checkedResponse.Status);
        var rows = await page.Locator("table.problems tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, rows.Count); // row 3: unknown category; row 4: the name again, and a bad address
        Assert.StartsWith("3", rows[0].Trim());
        Assert.All(rows.Skip(1), row => Assert.StartsWith("4", row.Trim()));
        if (culture == "en")
            Assert.Contains("“Operator” is not a category", rows[0]);
        await Accessibility.AssertNoViolationsAsync(page);

        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Entities");
        sheet.Cell(1, 1).Value = "Name";
        sheet.Cell(1, 2).Value = "Category";
        sheet.Cell(1, 3).Value = "Focal point e-mails";
        sheet.Cell(2, 1).Value = $"Ministry of Posts ({culture})";
        sheet.Cell(2, 2).Value = "Member State";
        sheet.Cell(2, 3).Value = $"posts-{culture}@example.org; deputy-{culture}@example.org";
        sheet.Cell(3, 1).Value = $"Fibre Co ({culture})";
        sheet.Cell(3, 2).Value = "SectorMember";
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        var xlsx = new FilePayload { Name = "entities.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = file.ToArray() };
        await page.Locator("#file").SetInputFilesAsync(xlsx);
        await page.Locator("button[value=check]").ClickAsync();
        Assert.Equal(0, await page.Locator("table.problems").CountAsync());
        Assert.Equal(1, await page.Locator("p.notice[role=status]").CountAsync());
        using (var scope = portal.Server.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Entities.AnyAsync(e => e.Name == $"Fibre Co ({culture})"));

        await page.Locator("#file").SetInputFilesAsync(xlsx);
        await page.Locator("button[value=import]").ClickAsync();
        Assert.Contains("imported=2", page.Url);
        Assert.Contains("focalPoints=2", page.Url);
        using (var scope = portal.Server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
            var ministry = await db.Entities.SingleAsync(e => e.Name == $"Ministry of Posts ({culture})");
            Assert.Equal(RespondentCategory.MemberState, ministry.Category);
            Assert.Equal(2, await db.Users.CountAsync(u => u.EntityId == ministry.Id));
        }
        // And the list counts them among the entities that could answer.
        int memberStates;
        using (var scope = portal.Server.Services.CreateScope())
            memberStates = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Entities.CountAsync(e => e.Category == RespondentCategory.MemberState);
        Assert.True(memberStates >= 4);
        await page.GotoAsync("/manage");
        var counted = await page.Locator("tr", new() { HasText = "WG-Study" }).Locator("li[data-category=MemberState]").InnerTextAsync();
        Assert.Equal(memberStates, int.Parse(Regex.Matches(counted, @"\d+")[^1].Value, CultureInfo.InvariantCulture));
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheSecretariatPreviewsTheQuestionnaireAsAStakeholderAndAsAMemberState(string culture)
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.GotoAsync("/manage");
        await page.Locator("tr", new() { HasText = "WG-Study" }).Locator("th a").ClickAsync();
        await page.Locator("a[href$='/preview?category=Stakeholder']").ClickAsync();

        Assert.Equal(["iii"], await TierNumeralsAsync(page));
        Assert.Equal(5, await page.Locator(".preview .question").CountAsync());
        Assert.False(await page.Locator(".preview textarea").First.IsEditableAsync());
        Assert.Equal(0, await page.Locator("main button").CountAsync()); // nothing to save
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("nav a[href='?category=MemberState']").ClickAsync();
        Assert.Equal(["i", "ii", "iii"], await TierNumeralsAsync(page));
        Assert.Equal(10, await page.Locator(".preview .question").CountAsync());
        Assert.Equal("page", await page.Locator("nav a[href='?category=MemberState']").GetAttributeAsync("aria-current"));

        // A consultation for Member States only, previewed as a Sector Member: what that focal point would be told.
        var id = await portal.PublishAsync($"Governments only ({culture})", TimeSpan.Zero, [RespondentCategory.MemberState],
            DemoPortal.TextQuestion("1", "For governments.", QuestionTier.MemberStates));
        Assert.Equal(404, (await page.GotoAsync($"/manage/consultations/{id}/preview?category=Nobody"))!.Status);
        await page.GotoAsync($"/manage/consultations/{id}/preview?category=SectorMember");
        Assert.Equal(0, await page.Locator(".preview").CountAsync());
        Assert.Contains(culture == "en" ? "answers the questions of tiers ii and iii" : "ii وiii", await page.Locator(".error-summary").InnerTextAsync());
    }

    [SkippableFact]
    public async Task TheSecretariatClosesAnOpenConsultationNowAfterAConfirmation()
    {
        var id = await portal.PublishAsync("To close early", TimeSpan.Zero, null, DemoPortal.TextQuestion("1", "Anything?", QuestionTier.Open));
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page);
        await page.GotoAsync($"/manage/consultations/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Close now…" }).ClickAsync();
        Assert.Contains("the same effect as the deadline", await page.Locator("main").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Close now" }).ClickAsync();

        Assert.Equal($"/manage/consultations/{id}", new Uri(page.Url).AbsolutePath);
        Assert.Contains("The consultation is closed", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("Closed", (await page.Locator(".facts dd").First.InnerTextAsync()).Trim());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Close now…" }).CountAsync());
        using var scope = portal.Server.Services.CreateScope();
        Assert.NotNull((await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Consultations.SingleAsync(c => c.Id == id)).ClosedAt);
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheSecretariatFindsEntitiesByNameAndCategory(string culture)
    {
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.GotoAsync("/manage");
        await page.Locator("a[href='/manage/entities']").ClickAsync();
        Assert.True(await page.Locator("table.manage tbody tr").CountAsync() >= 8); // the demo's entities
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#q").FillAsync("example");
        await page.Locator("#category").SelectOptionAsync("SectorMember");
        await page.Locator("form.search button").ClickAsync();

        Assert.Equal(["Example Equipment Maker", "Example Telecom Operator"], await page.Locator("table.manage tbody th").AllInnerTextsAsync());
        Assert.All(await page.Locator("table.manage tbody td:nth-of-type(3)").AllInnerTextsAsync(), count => Assert.NotEqual("0", count.Trim()));
        Assert.Contains("q=example", page.Url);
    }

    private static async Task<IReadOnlyList<string>> TierNumeralsAsync(IPage page) =>
        [.. (await page.Locator(".preview h3 bdi").AllInnerTextsAsync()).Select(n => n.TrimEnd(')'))];

    private static async Task AddAsync(IPage page, string code, string text, QuestionTier tier, QuestionType type, string? options = null,
        string? maxLength = null, (string Min, string Max)? scale = null)
    {
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#tier").SelectOptionAsync(tier.ToString());
        await page.Locator("#type").SelectOptionAsync(type.ToString());
        await page.Locator("#options").FillAsync(options ?? "");
        await page.Locator("#max-length").FillAsync(maxLength ?? "");
        await page.Locator("#scale-min").FillAsync(scale?.Min ?? "");
        await page.Locator("#scale-max").FillAsync(scale?.Max ?? "");
        await page.Locator("form button.primary").ClickAsync();
    }

    private async Task<Guid> DraftAsync(string title)
    {
        using var scope = portal.Server.Services.CreateScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var consultation = await scope.ServiceProvider.GetRequiredService<Consultations.CreateConsultation>()
            .CreateAsync(null, new Consultations.CreateConsultationRequest(title, now.AddDays(1), now.AddDays(20)));
        return consultation.Id;
    }
}
