using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Consultations;
using SurveyService.Data;
using SurveyService.Data.Consultations;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>
/// Issue 13: while a consultation is a draft the Secretariat edits, moves and removes its questions
/// and edits the consultation itself, on pages that work without script; the preview and the audit
/// trail follow; once published the questions are frozen.
/// </summary>
public sealed class EditPageTests(Chromium chromium, DemoPortal portal) : IClassFixture<Chromium>, IClassFixture<DemoPortal>
{
    [SkippableTheory]
    [InlineData("en", "Changed question", "Reordered the questions from 1a, 2a, 3a, 3b to 1a, 2a, 3b, 3a", "Removed question", "Changed the weights from")]
    [InlineData("ar", "غيّر السؤال", "أعاد ترتيب الأسئلة من", "حذف السؤال", "غيّر الأوزان من")]
    public async Task TheSecretariatEditsMovesAndRemovesQuestionsAndThePreviewAndTrailFollow(string culture, params string[] audited)
    {
        var (id, q) = await DraftAsync($"Edited ({culture})");
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);
        await page.GotoAsync($"/manage/consultations/{id}");
        Assert.Equal(["1a", "2a", "3a", "3b"], await CodesAsync(page));
        await Accessibility.AssertNoViolationsAsync(page);

        // Edit 3a into a scale: the bounds refused beside the field first, what was typed kept.
        await page.Locator($"a[href='/manage/consultations/{id}/questions/{q["3a"]}']").ClickAsync();
        Assert.Equal("Anything to add?", await page.Locator("#text").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#text").FillAsync("How useful is the report?");
        await page.Locator("#type").SelectOptionAsync("Scale");
        await page.Locator("#scale-min").FillAsync("5");
        await page.Locator("#scale-max").FillAsync("1");
        var refused = await page.RunAndWaitForResponseAsync(() => page.Locator("form button.primary").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Equal(1, await page.Locator("#scale-min-error").CountAsync());
        Assert.Equal(1, await page.Locator(".error-summary a[href='#scale-min']").CountAsync());
        Assert.Equal("How useful is the report?", await page.Locator("#text").InputValueAsync());
        Assert.Equal("Scale", await page.Locator("#type").InputValueAsync());
        if (culture == "ar")
            Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#scale-max").FillAsync("9");
        await page.Locator("form button.primary").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("changed=3a"));
        Assert.Equal(1, await page.Locator("p.notice[role=status]").CountAsync());

        // 3b up, before 3a; then 2a removed after a confirmation.
        await page.Locator($"#q-{q["3b"]} button[value=up]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("moved=3b"));
        Assert.Equal(["1a", "2a", "3b", "3a"], await CodesAsync(page));
        Assert.Equal(0, await page.Locator($"#q-{q["3b"]} button[value=up]").CountAsync()); // first of its tier
        await page.Locator($"a[href='/manage/consultations/{id}/questions/{q["2a"]}/remove']").ClickAsync();
        Assert.Equal("Is the mandate clear?", await page.Locator("main blockquote").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("main form button.primary").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("removed=2a"));
        Assert.Equal(["1a", "3b", "3a"], await CodesAsync(page));

        // The consultation itself: a stakeholder's answer now weighs half a Member State's.
        await page.Locator($"a[href='/manage/consultations/{id}/edit']").ClickAsync();
        Assert.Equal($"Edited ({culture})", await page.Locator("#title").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#title").FillAsync("");
        await page.Locator("#weight-Stakeholder").FillAsync("0.5");
        await page.Locator("main form button.primary").ClickAsync();
        Assert.Equal(1, await page.Locator("#title-error").CountAsync());
        Assert.Equal("0.5", await page.Locator("#weight-Stakeholder").InputValueAsync());
        await page.Locator("#title").FillAsync($"Edited again ({culture})");
        await page.Locator("main form button.primary").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("edited=true"));
        Assert.Equal($"Edited again ({culture})", await page.Locator("h1").InnerTextAsync());

        await page.GotoAsync($"/manage/consultations/{id}/preview?category=MemberState");
        Assert.Equal(["1a)", "3b)", "3a)"], await page.Locator(".preview .question .code").AllInnerTextsAsync());
        Assert.Contains("How useful is the report?", await page.Locator(".preview").InnerTextAsync());
        Assert.DoesNotContain("Is the mandate clear?", await page.Locator(".preview").InnerTextAsync());

        await page.GotoAsync($"/manage/consultations/{id}/audit");
        var trail = await page.Locator("main table").InnerTextAsync();
        foreach (var sentence in audited)
            Assert.Contains(sentence, trail);
        await Accessibility.AssertNoViolationsAsync(page);

        using var scope = portal.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        var edited = await db.Questions.SingleAsync(x => x.Id == q["3a"]);
        Assert.Equal((QuestionType.Scale, 5, 9), (edited.Type, edited.ScaleMin, edited.ScaleMax));
        Assert.Equal(0.5m, (await db.Consultations.Include(c => c.Weights).SingleAsync(c => c.Id == id))
            .Weights.Single(w => w.Category == RespondentCategory.Stakeholder).Weight);
    }

    [SkippableTheory]
    [InlineData("en", "The consultation is published, so its questions can no longer change.")]
    [InlineData("ar", "نُشرت المشاورة، لذلك لم يعد بالإمكان تغيير أسئلتها.")]
    public async Task OncePublishedTheQuestionsAreFrozenAndOnlyTextsAndWeightsChange(string culture, string frozen)
    {
        var id = await portal.PublishAsync($"Frozen ({culture})", TimeSpan.Zero, null, DemoPortal.TextQuestion("1a", "Anything to add?", QuestionTier.Open));
        var question = (await QuestionsAsync(id))["1a"];
        var page = await chromium.NewPageAsync(portal.Address);
        await DemoPortal.SignInAsSecretariatAsync(page, culture);

        await page.GotoAsync($"/manage/consultations/{id}");
        Assert.Equal(0, await page.Locator($"a[href^='/manage/consultations/{id}/questions/']").CountAsync());
        Assert.Equal(0, await page.Locator("button[value=up], button[value=down]").CountAsync());
        foreach (var path in new[] { $"/manage/consultations/{id}/questions/{question}", $"/manage/consultations/{id}/questions/{question}/remove" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(409, response!.Status);
            Assert.Equal(frozen, await page.Locator(".error-summary").InnerTextAsync());
            Assert.Equal(0, await page.Locator("main form").CountAsync());
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync($"/manage/consultations/{id}/edit");
        Assert.Equal(0, await page.Locator("#opens, #closes, #eligible").CountAsync());
        Assert.Equal(1, await page.Locator($"main a[href='/manage/consultations/{id}/extend']").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#weight-MemberState").FillAsync("2");
        await page.Locator("main form button.primary").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("edited=true"));
        Assert.Equal("Anything to add?", (await QuestionTextsAsync(id)).Single());
    }

    [SkippableFact]
    public async Task ARespondentAndAnAnalystGet403OnTheEditPages()
    {
        var (id, q) = await DraftAsync("Not theirs");
        foreach (var email in new[] { "focal.ch@example.org", "analyst@example.org" })
        {
            var page = await chromium.NewPageAsync(portal.Address);
            await DemoPortal.SignInAsync(page, email);
            foreach (var path in new[] { $"/manage/consultations/{id}/edit", $"/manage/consultations/{id}/questions/{q["1a"]}",
                         $"/manage/consultations/{id}/questions/{q["1a"]}/remove" })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(403, response!.Status);
                Assert.Equal(0, await page.Locator("main form").CountAsync());
            }
        }
        Assert.Equal(["Is it for governments?", "Is the mandate clear?", "Anything to add?", "Anything else?"], await QuestionTextsAsync(id));
    }

    private static async Task<string[]> CodesAsync(Microsoft.Playwright.IPage page) =>
        await page.Locator("[data-question]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.question)");

    /// <summary>A draft with questions in all three tiers: 1a, 2a (a choice), 3a and 3b.</summary>
    private async Task<(Guid Id, Dictionary<string, Guid> Questions)> DraftAsync(string title)
    {
        using var scope = portal.Server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var consultation = await services.GetRequiredService<CreateConsultation>()
            .CreateAsync(null, new CreateConsultationRequest(title, now.AddDays(1), now.AddDays(20)));
        foreach (var question in new[]
                 {
                     DemoPortal.TextQuestion("1a", "Is it for governments?", QuestionTier.MemberStates),
                     new AddQuestionRequest("2a", "Is the mandate clear?", QuestionTier.Membership, QuestionType.SingleChoice, ["Yes", "No"]),
                     DemoPortal.TextQuestion("3a", "Anything to add?", QuestionTier.Open),
                     DemoPortal.TextQuestion("3b", "Anything else?", QuestionTier.Open),
                 })
            Assert.IsType<AddQuestionOutcome.Added>(await services.GetRequiredService<AddQuestion>().AddAsync(null, consultation.Id, question));
        return (consultation.Id, await QuestionsAsync(consultation.Id));
    }

    private async Task<Dictionary<string, Guid>> QuestionsAsync(Guid id)
    {
        using var scope = portal.Server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Questions.Where(x => x.ConsultationId == id).ToDictionaryAsync(x => x.Code, x => x.Id);
    }

    private async Task<string[]> QuestionTextsAsync(Guid id)
    {
        using var scope = portal.Server.Services.CreateScope();
        return [.. await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Questions.Where(x => x.ConsultationId == id)
            .OrderBy(x => x.Order).Select(x => x.Text).ToListAsync()];
    }
}
