using SurveyService.Data.Submissions;
using SurveyService.Identity;
using SurveyService.Questionnaires;

namespace SurveyService.Submissions;

/// <summary>What a submit did: the version that now counts, with its receipt, or why nothing was submitted.</summary>
internal abstract record SubmitOutcome
{
    /// <summary>
    /// Version is the submitted version, whose digest is the receipt; SubmissionVersion the
    /// submission's version (its ETag) after the submit; New is false when nothing had changed
    /// since the last submit, and the same receipt is given again.
    /// </summary>
    public sealed record Submitted(SubmittedVersion Version, int SubmissionVersion, bool New) : SubmitOutcome;

    public sealed record Refused(SubmissionRefusal Why) : SubmitOutcome;
}

/// <summary>
/// A focal point submits the saved answers: they become a kept version with a receipt, the one
/// that counts in the analysis, until the entity amends and submits again before the close.
/// </summary>
internal sealed class SubmitAnswers(SurveyDbContext db, PublishedQuestions published, IDatabaseWriter writer, TimeProvider clock)
{
    public async Task<SubmitOutcome> SubmitAsync(Respondent? caller, Guid consultationId, ExpectedVersion? expected)
    {
        var now = clock.UtcNow();
        var (answering, refusal) = await SubmissionGate.EnterAsync(db, caller, consultationId, now, writing: true);
        if (answering is null)
            return new SubmitOutcome.Refused(refusal!);
        var questions = await published.ForAsync(db, answering.Consultation);
        var who = answering.Respondent;
        var submission = await SubmissionReads.WithAnswersAsync(db, consultationId, who.EntityId);
        if (submission is null)
            return new SubmitOutcome.Refused(new SubmissionRefusal.NothingSaved(Submitting: true));
        if (ETagPolicy.RefusalToSubmit(submission.Version, expected) is SubmissionRefusal.ChangedSinceRead stale)
            return new SubmitOutcome.Refused(await SubmissionReads.NamingWhoChangedItAsync(db,
                stale with { LastChange = new LastChange(submission.UpdatedBy, submission.UpdatedAt, submission.IsSubmitted) }, who));

        if (submission.IsSubmitted && submission.LatestSubmittedVersionId is { } latestId)
        {
            // Nothing changed since the last submit: the same receipt, not a new version.
            var latest = await db.SubmittedVersions.AsNoTracking().FirstAsync(v => v.Id == latestId);
            return new SubmitOutcome.Submitted(latest, submission.Version, New: false);
        }

        var unanswered = RequiredQuestions.Unanswered(questions.Values, who.Category, submission.Answers.Select(a => a.QuestionId));
        if (unanswered.Count > 0)
            return new SubmitOutcome.Refused(new SubmissionRefusal.RequiredUnanswered(unanswered));

        // Counted before the write, outside SQLite's single writer: exact whenever the write below
        // succeeds, because any submit after the read above moved the version, and the write is
        // conditional on the version that read saw.
        var number = await SubmissionReads.LatestSubmittedNumberAsync(db, submission.Id) + 1;
        return await writer.WriteAsync(db, tx => WriteAsync(tx, answering, submission, number, now));
    }

    private static async Task<Written<SubmitOutcome>> WriteAsync(SurveyDbContext tx, Answering answering, Submission submission, int number, DateTime now)
    {
        var who = answering.Respondent;
        var versionId = Guid.CreateVersion7();
        var updated = await tx.Submissions
            .Where(s => s.Id == submission.Id && s.Version == submission.Version)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.IsSubmitted, true)
                .SetProperty(s => s.SubmittedAt, now)
                .SetProperty(s => s.LatestSubmittedVersionId, versionId)
                .SetProperty(s => s.UpdatedAt, now)
                .SetProperty(s => s.UpdatedBy, who.UserId));
        if (updated == 0)
            return Written.Undone<SubmitOutcome>(new SubmitOutcome.Refused(new SubmissionRefusal.ChangedConcurrently(Submitting: true)));
        var answers = submission.Answers.Select(a => new SubmittedAnswer
        {
            SubmittedVersionId = versionId, QuestionId = a.QuestionId, Text = a.Text, Choices = a.Choices, Value = a.Value,
        }).ToList();
        var version = new SubmittedVersion
        {
            Id = versionId,
            SubmissionId = submission.Id,
            Number = number,
            SubmittedAt = now,
            SubmittedBy = who.UserId,
            Digest = SubmissionDigest.Compute(answering.Consultation.Id, submission.EntityId, number, now, answers),
            Answers = answers,
        };
        tx.SubmittedVersions.Add(version);
        tx.SubmissionEvents.Add(SubmissionEvents.Of(submission.Id, SubmissionAction.Submitted, submission.Version + 1, who.UserId, now,
            answers.Count, versionId));
        await tx.SaveChangesAsync();
        return Written.Kept<SubmitOutcome>(new SubmitOutcome.Submitted(version, submission.Version + 1, New: true));
    }
}
