using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Data.Consultations;
using SurveyService.Data.Submissions;
using SurveyService.Identity;
using SurveyService.Questionnaires;
using SurveyService.Submissions;

namespace SurveyService.Portal.Consultations;

/// <summary>The receipt of the entity's latest submitted version (or an earlier one, ?version=N): what was submitted, when, by whom, and its digest.</summary>
// In the same line as the API's saves and submits: a rush through the portal meets the database as one through the API does.
[EnableRateLimiting(SubmissionLimits.Policy)]
internal sealed class ReceiptModel(ReadQuestionnaire reading, SurveyDbContext db) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public SubmittedVersion Shown { get; private set; } = null!;
    public string? SubmittedBy { get; private set; }
    public IReadOnlyList<(int Number, DateTime At)> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? version)
    {
        var entry = await RespondentEntry.EnterAsync(this, reading, id);
        if (entry.Refusal is { } refusal)
            return refusal;
        var (respondent, ready) = (entry.Respondent!, entry.Ready!);
        Consultation = ready.Consultation;
        Questions = ready.Questions;
        var submitted = await SubmissionReads.SubmittedVersionsAsync(db, id, respondent.EntityId);
        Versions = [.. (await submitted.OrderByDescending(v => v.Number).Select(v => new { v.Number, v.SubmittedAt }).ToListAsync())
            .Select(v => (v.Number, v.SubmittedAt))];
        if (Versions.Count == 0)
            return Redirect($"/consultations/{id}");
        var number = version ?? Versions[0].Number;
        var shown = await submitted.Include(v => v.Answers).FirstOrDefaultAsync(v => v.Number == number);
        if (shown is null)
            return NotFound();
        Shown = shown;
        SubmittedBy = await db.Users.AsNoTracking().Where(u => u.Id == shown.SubmittedBy).Select(u => u.DisplayName + " <" + u.Email + ">").FirstOrDefaultAsync();
        return Page();
    }
}
