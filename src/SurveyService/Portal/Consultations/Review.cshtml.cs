using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Questionnaires;
using SurveyService.Submissions;

namespace SurveyService.Portal.Consultations;

/// <summary>Every saved answer read-only, with what is still missing, and Submit: SubmitAnswers as POST …/submit calls it.</summary>
// In the same line as the API's saves and submits: a rush through the portal meets the database as one through the API does.
[EnableRateLimiting(SubmissionLimits.Policy)]
internal sealed class ReviewModel(ReadQuestionnaire reading, SubmitAnswers submitting, SurveyDbContext db, TimeProvider clock,
    IStringLocalizer<PortalText> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public Dictionary<Guid, string?> Answers { get; } = [];
    public IReadOnlyList<string> MissingRequired { get; private set; } = [];
    public int Version { get; private set; }
    public bool IsOpen { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await ReadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, int version)
    {
        if (await ReadAsync(id) is { } refused)
            return refused;
        var outcome = await submitting.SubmitAsync(Respondent.From(User), id, ExpectedVersion.Exactly(version));
        if (outcome is SubmitOutcome.Submitted)
            return Redirect($"/consultations/{id}/receipt?submitted=true");
        var why = ((SubmitOutcome.Refused)outcome).Why;
        (Refusal, Response.StatusCode) = why switch
        {
            SubmissionRefusal.Closed closed => ((string)t["This consultation closed on {0}, so nothing was submitted.", PortalNames.Utc(closed.ClosedEarlyAt ?? closed.ClosesAt)],
                StatusCodes.Status409Conflict),
            SubmissionRefusal.RequiredUnanswered => (t["Answer the required questions listed below first; nothing was submitted."], StatusCodes.Status400BadRequest),
            SubmissionRefusal.ChangedSinceRead or SubmissionRefusal.ChangedConcurrently =>
                (t["Another focal point of your entity changed the answers while you were reviewing them, so nothing was submitted. Below are the answers as they are now: review them and submit again."],
                StatusCodes.Status409Conflict),
            _ => (t["Your account may not answer this consultation."], StatusCodes.Status403Forbidden),
        };
        return Page();
    }

    private async Task<IActionResult?> ReadAsync(Guid id)
    {
        var entry = await RespondentEntry.EnterAsync(this, reading, id);
        if (entry.Refusal is { } refusal)
            return refusal;
        var (respondent, ready) = (entry.Respondent!, entry.Ready!);
        Consultation = ready.Consultation;
        Questions = ready.Questions;
        IsOpen = ConsultationSchedule.From(Consultation).StatusAt(clock.UtcNow()) == ConsultationStatus.Open;
        var submission = await SubmissionReads.WithAnswersAsync(db, id, respondent.EntityId);
        if (submission is null)
            return Redirect($"/consultations/{id}");
        Version = submission.Version;
        foreach (var answer in submission.Answers)
            Answers[answer.QuestionId] = AnswerText.Of(answer.Text, answer.Choices, answer.Value);
        MissingRequired = RequiredQuestions.Unanswered(Questions, respondent.Category, submission.Answers.Select(a => a.QuestionId));
        return null;
    }
}
