using Microsoft.AspNetCore.RateLimiting;
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
// In the same line as the API's saves and submits: a rush through the portal meets the database as one through the API does.
[EnableRateLimiting(SubmissionLimits.Policy)]
internal sealed class AnswerModel(ReadQuestionnaire reading, SaveAnswers saving, SurveyDbContext db, IAntiforgery antiforgery,
    TimeProvider clock, IStringLocalizer<PortalText> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationStatus Status { get; private set; }
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public Dictionary<Guid, PortalAnswer> Answers { get; } = [];
    public bool IsRespondent { get; private set; }

    /// <summary>The signed-in respondent's category when the consultation does not ask it: the page says so, with 403.</summary>
    public RespondentCategory? NotOpenTo { get; private set; }
    public int? Version { get; private set; }
    public DateTime? SavedAt { get; private set; }

    /// <summary>Why the last save was refused, in the reader's language; the typed answers are still in the fields.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Field id to message, for the error summary and beside each field.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>After another focal point's newer save: their answer, for each question where it differs from what was typed.</summary>
    public Dictionary<Guid, PortalAnswer> Theirs { get; } = [];

    public bool CanAnswer => IsRespondent && Status == ConsultationStatus.Open;

    /// <summary>The deadline as published when it was extended since; read only when the page is shown, not for a save that redirects.</summary>
    public Task<DateTime?> DeadlineExtendedFromAsync() => DeadlineExtensions.ExtendedFromAsync(db, Consultation);

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
        var (posted, refusedWith) = await PortalForm.ReadAsync(Request);
        if (posted is not { } form)
            return refusedWith != StatusCodes.Status400BadRequest ? StatusCode(refusedWith)
                : await OnGetAsync(id) is PageResult ? Refused(t["The form contains a character it cannot carry (a NUL); nothing was saved."], 400) : NotFound();
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
        await KeepTheirsWhereChosenAsync(form, respondent);

        var asked = Questions.Where(q => !Answers[q.Id].IsEmpty).ToList();
        var outcome = await saving.SaveAsync(respondent, id, [.. asked.Select(q => Answers[q.Id].ToInput(q))],
            Version is { } v ? ExpectedVersion.Exactly(v) : null);
        return outcome switch
        {
            SaveOutcome.Saved when form["next"] == "review" => Redirect($"/consultations/{id}/review"),
            SaveOutcome.Saved => RedirectToPage(new { id, saved = true }),
            SaveOutcome.Refused(var why) when IsConflict(why) => await ConflictAsync(respondent),
            SaveOutcome.Refused(var why) => RefusedBecause(why, asked),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }

    /// <summary>
    /// Autosave, where the script runs: only the answers named in <c>changed</c>, through the same
    /// ChangeAsync as PATCH …/submission, conditional on the version the page holds. The script
    /// shows the message; a refusal it must not retry stops autosave, and Save draft says the rest.
    /// </summary>
    public async Task<IActionResult> OnPatchAsync(Guid id)
    {
        if (Respondent.From(User) is not { } respondent)
            return Autosave(StatusCodes.Status401Unauthorized, t["Your sign-in has expired, so autosave stopped. Keep this page open, sign in again in another tab, then press Save draft here."]);
        if (await ReadAsync(id) is { } refused)
            return refused;
        var (posted, refusedWith) = await PortalForm.ReadAsync(Request);
        if (posted is not { } form)
            return refusedWith == StatusCodes.Status400BadRequest
                ? Autosave(refusedWith, t["Not saved automatically: an answer contains a character it cannot carry. Press Save draft to see which."])
                : StatusCode(refusedWith);
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return Autosave(StatusCodes.Status400BadRequest, t["This page is too old to save automatically. Press Save draft: nothing you typed is lost."]);

        var named = form["changed"];
        var changed = Questions.Where(q => named.Contains(PortalAnswer.FieldName(q))).ToList();
        var expected = int.TryParse(form["version"], out var version) ? ExpectedVersion.Exactly(version) : null;
        if (changed.Count == 0)
            return Autosave(StatusCodes.Status200OK, "", expected is null ? null : version);
        var outcome = await saving.ChangeAsync(respondent, id, [.. changed.Select(q => PortalAnswer.FromForm(form, q).ToInput(q))], expected);
        return outcome switch
        {
            SaveOutcome.Saved saved => Autosave(StatusCodes.Status200OK, t["Saved automatically on {0}.", PortalNames.Utc(saved.Submission.UpdatedAt)],
                saved.Submission.Version),
            SaveOutcome.Refused(var why) when IsConflict(why) => Autosave(StatusCodes.Status409Conflict,
                t["Another focal point of your entity saved after you opened this page, so autosave stopped and overwrote nothing. Press Save draft to see their answers beside yours and choose."]),
            SaveOutcome.Refused(SubmissionRefusal.Closed closed) => Autosave(StatusCodes.Status409Conflict,
                t["This consultation closed on {0}, so nothing was saved. Your answers are below: keep a copy if you need one.", PortalNames.Utc(closed.ClosedEarlyAt ?? closed.ClosesAt)]),
            SaveOutcome.Refused(SubmissionRefusal.AnswersInvalid) => Autosave(StatusCodes.Status400BadRequest,
                t["Not saved automatically: an answer does not fit its question. Press Save draft to see which."], retry: true),
            _ => Autosave(StatusCodes.Status403Forbidden, t["Your account may not answer this consultation."]),
        };
    }

    /// <summary>What the autosave script reads: the version now held (to send with the next save), a message, and whether to keep autosaving.</summary>
    private JsonResult Autosave(int status, string message, int? version = null, bool retry = false) =>
        new(new { version, message, stop = status != StatusCodes.Status200OK && !retry }) { StatusCode = status };

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
            case QuestionnaireOutcome.NotEligible notEligible:
                Consultation = notEligible.Consultation;
                Status = ConsultationSchedule.From(notEligible.Consultation).StatusAt(clock.UtcNow());
                NotOpenTo = notEligible.Category;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
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
        _ => Refused(t["Your account may not answer this consultation."], StatusCodes.Status403Forbidden),
    };

    private static bool IsConflict(SubmissionRefusal why) => why is SubmissionRefusal.ChangedSinceRead or SubmissionRefusal.ChangedConcurrently
        or SubmissionRefusal.CreatedConcurrently or SubmissionRefusal.VersionRequired or SubmissionRefusal.NoVersionToMatch;

    /// <summary>
    /// Another focal point saved after this page was opened: nothing was written. The page now holds
    /// their version, so the next save replaces exactly what was shown; where their answer differs
    /// from what this person typed, both are shown and the person chooses (Keep mine is the default).
    /// </summary>
    private async Task<PageResult> ConflictAsync(Respondent respondent)
    {
        var current = await SubmissionReads.WithAnswersAsync(db, Consultation.Id, respondent.EntityId);
        Version = current?.Version;
        var saved = current?.Answers.ToDictionary(a => a.QuestionId, PortalAnswer.FromSaved) ?? [];
        foreach (var question in Questions)
        {
            var theirs = saved.GetValueOrDefault(question.Id) ?? PortalAnswer.Empty;
            if (theirs.SameAs(Answers[question.Id]))
                continue;
            Theirs[question.Id] = theirs;
            Errors[KeepField(question)] = t["{0}: saved differently since you opened this page; choose which answer to keep.", question.Code];
        }
        var by = current is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedBy).Select(u => u.Email).FirstOrDefaultAsync();
        string happened = current switch
        {
            null => t["Another focal point of your entity saved these answers after you opened this page, so nothing was overwritten."],
            _ when current.UpdatedBy == respondent.UserId =>
                t["You saved these answers in another window on {0}, after you opened this page, so nothing was overwritten.", PortalNames.Utc(current.UpdatedAt)],
            _ when by is not null => t["{0}, another focal point of your entity, saved these answers on {1}, after you opened this page, so nothing was overwritten.",
                by, PortalNames.Utc(current.UpdatedAt)],
            _ => t["Another focal point of your entity saved these answers after you opened this page, so nothing was overwritten."],
        };
        string next = Theirs.Count > 0
            ? t["Where their answer differs from what you typed, both are shown below: choose which to keep for each question, then save again."]
            : t["Their answers are the same as yours: save again to keep them."];
        return Refused($"{happened} {next}", StatusCodes.Status409Conflict);
    }

    /// <summary>After a conflict the person chose, per question, to keep the other focal point's saved answer instead of their own.</summary>
    private async Task KeepTheirsWhereChosenAsync(IFormCollection form, Respondent respondent)
    {
        var keepingTheirs = Questions.Where(q => form[KeepField(q)] == "theirs").ToList();
        if (keepingTheirs.Count == 0)
            return;
        // Read now, not carried in the form: if it moved on again, the save is refused as stale and shows the newer answers.
        var saved = (await SubmissionReads.WithAnswersAsync(db, Consultation.Id, respondent.EntityId))?.Answers
            .ToDictionary(a => a.QuestionId, PortalAnswer.FromSaved) ?? [];
        foreach (var question in keepingTheirs)
            Answers[question.Id] = saved.GetValueOrDefault(question.Id) ?? PortalAnswer.Empty;
    }

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

    /// <summary>The name of the choice between mine and theirs after a conflict, and the id of its fieldset.</summary>
    public static string KeepField(Question question) => $"keep-{question.Id:N}";
}
