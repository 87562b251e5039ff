using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Questionnaires;
using SurveyService.Submissions;

namespace SurveyService.Portal.Consultations;

/// <summary>
/// A consultation and, for a respondent who may answer it, its questionnaire as a form. Saving calls
/// the same SaveAnswers as PUT /submission; a refused save shows the form again with what the person
/// typed and why, never an empty form.
/// </summary>
// The antiforgery check is the page's own: an expired sign-in or form must still give the person their text back.
[IgnoreAntiforgeryToken]
internal sealed class AnswerModel(ReadQuestionnaire reading, SaveAnswers saving, SurveyDbContext db, IAntiforgery antiforgery,
    TimeProvider clock, IStringLocalizer<PortalText> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationStatus Status { get; private set; }
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public Dictionary<Guid, PortalAnswer> Answers { get; } = [];
    public bool IsRespondent { get; private set; }
    public int? Version { get; private set; }
    public DateTime? SavedAt { get; private set; }

    /// <summary>Why the last save was refused, in the reader's language; the typed answers are still in the fields.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Field id to message, for the error summary and beside each field.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public bool CanAnswer => IsRespondent && Status == ConsultationStatus.Open;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await ReadAsync(id) is { } refused)
            return refused;
        if (IsRespondent && await SubmissionReads.WithAnswersAsync(db, id, Respondent.From(User)!.EntityId) is { } submission)
        {
            Version = submission.Version;
            SavedAt = submission.UpdatedAt;
            foreach (var answer in submission.Answers)
                Answers[answer.QuestionId] = PortalAnswer.FromSaved(answer);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync();
        }
        catch (InvalidDataException)
        {
            return await OnGetAsync(id) is PageResult ? Refused(t["The form contains a character it cannot carry (a NUL); nothing was saved."], 400) : NotFound();
        }
        var respondent = Respondent.From(User);
        if (respondent is null)
        {
            // Signed out meanwhile (or the sign-in expired): show what was typed, with the way back.
            var consultation = await db.FindVisibleAsync(id, User);
            if (consultation is null)
                return NotFound();
            Consultation = consultation;
            Status = ConsultationSchedule.From(consultation).StatusAt(clock.UtcNow());
            Questions = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == id).OrderBy(q => q.Order).ToListAsync();
            KeepTyped(form);
            return Refused(t["Your sign-in has expired, so nothing was saved. Copy your answers below, sign in again and paste them back."], 401);
        }
        if (await ReadAsync(id) is { } refused)
            return refused;
        KeepTyped(form);
        Version = int.TryParse(form["version"], out var version) ? version : null;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return Refused(t["This form expired, so nothing was saved. Your answers are below: save them again."], 400);

        var asked = Questions.Where(q => !Answers[q.Id].IsEmpty).ToList();
        var outcome = await saving.SaveAsync(respondent, id, [.. asked.Select(q => Answers[q.Id].ToInput(q))],
            Version is { } v ? ExpectedVersion.Exactly(v) : null);
        return outcome switch
        {
            SaveOutcome.Saved when form["next"] == "review" => Redirect($"/consultations/{id}/review"),
            SaveOutcome.Saved => RedirectToPage(new { id, saved = true }),
            SaveOutcome.Refused(var why) => RefusedBecause(why, asked),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }

    private async Task<IActionResult?> ReadAsync(Guid id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            var visible = await db.FindVisibleAsync(id, User);
            if (visible is null)
                return NotFound();
            Consultation = visible;
            Status = ConsultationSchedule.From(visible).StatusAt(clock.UtcNow());
            return null;
        }
        switch (await reading.ForAsync(User, id))
        {
            case QuestionnaireOutcome.Ready ready:
                Consultation = ready.Consultation;
                Status = ConsultationSchedule.From(ready.Consultation).StatusAt(clock.UtcNow());
                Questions = ready.Questions;
                IsRespondent = ready.Category is not null;
                return null;
            case QuestionnaireOutcome.NotEligible:
                return StatusCode(StatusCodes.Status403Forbidden);
            case QuestionnaireOutcome.NeitherRespondentNorStaff:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                return NotFound();
        }
    }

    private void KeepTyped(IFormCollection form)
    {
        foreach (var question in Questions)
            Answers[question.Id] = PortalAnswer.FromForm(form, question);
    }

    private PageResult Refused(string reason, int status)
    {
        Refusal = reason;
        Response.StatusCode = status;
        return Page();
    }

    private PageResult RefusedBecause(SubmissionRefusal why, IReadOnlyList<Question> asked) => why switch
    {
        SubmissionRefusal.Closed closed => Refused(t["This consultation closed on {0}, so nothing was saved. Your answers are below: keep a copy if you need one.",
            PortalNames.Utc(closed.ClosedEarlyAt ?? closed.ClosesAt)], StatusCodes.Status409Conflict),
        SubmissionRefusal.NotOpenYet notYet => Refused(t["This consultation opens on {0}; nothing can be saved before then.", PortalNames.Utc(notYet.OpensAt)],
            StatusCodes.Status409Conflict),
        SubmissionRefusal.AnswersInvalid invalid => Invalid(invalid, asked),
        SubmissionRefusal.ChangedSinceRead or SubmissionRefusal.ChangedConcurrently or SubmissionRefusal.CreatedConcurrently
            or SubmissionRefusal.VersionRequired or SubmissionRefusal.NoVersionToMatch =>
            Refused(t["Another focal point of your entity saved these answers after you opened this page, so nothing was overwritten. Your answers are below: open the page again in another tab to see theirs, then save what you keep."],
                StatusCodes.Status409Conflict),
        _ => Refused(t["Your account may not answer this consultation."], StatusCodes.Status403Forbidden),
    };

    private PageResult Invalid(SubmissionRefusal.AnswersInvalid invalid, IReadOnlyList<Question> asked)
    {
        // The rule's keys name answers by their place in the list sent (answers[2].text); the page names them by question.
        for (var i = 0; i < asked.Count; i++)
            if (invalid.Errors.Keys.Any(key => key.StartsWith($"answers[{i}]", StringComparison.Ordinal)))
                Errors[FieldId(asked[i])] = Explain(asked[i]);
        return Refused(t["Some answers could not be saved as they are; nothing was saved. Correct them and save again."], StatusCodes.Status400BadRequest);
    }

    private string Explain(Question question) => question.Type switch
    {
        QuestionType.Text when question.MaxLength is { } max => t["{0}: keep the answer within {1} characters, without control characters.", question.Code, max],
        QuestionType.Text => t["{0}: the answer contains a character it cannot keep; remove it.", question.Code],
        QuestionType.Scale => t["{0}: choose one value from {1} to {2}.", question.Code, question.ScaleMin ?? 1, question.ScaleMax ?? 5],
        _ => t["{0}: choose among the options given.", question.Code],
    };

    public static string FieldId(Question question) => $"q-{question.Id:N}";
}
