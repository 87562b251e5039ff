using SurveyService.Data.Submissions;
using SurveyService.Identity;
using SurveyService.Questionnaires;

namespace SurveyService.Submissions;

/// <summary>What a save did: the submission as saved, or why nothing was saved.</summary>
internal abstract record SaveOutcome
{
    /// <summary>SubmittedVersion is the latest submitted version's number (0: never submitted).</summary>
    public sealed record Saved(Submission Submission, int SubmittedVersion) : SaveOutcome;

    public sealed record Refused(SubmissionRefusal Why) : SaveOutcome;
}

/// <summary>
/// A focal point saves its entity's answers as the working copy, replacing the whole set. Every
/// save of an existing submission is conditional on the version the caller last saw, checked in
/// the database itself, so two focal points saving at once never overwrite each other silently:
/// one wins, the other is told. What a save answers is what it wrote, not read back.
/// </summary>
internal sealed class SaveAnswers(SurveyDbContext db, PublishedQuestions published, IDatabaseWriter writer, TimeProvider clock)
{
    /// <summary>Replaces the whole set of answers: answers left out are no longer answered (PUT).</summary>
    public Task<SaveOutcome> SaveAsync(Respondent? caller, Guid consultationId, IReadOnlyList<AnswerInput?> answers, ExpectedVersion? expected) =>
        SaveAsync(caller, consultationId, answers, expected, changing: false);

    /// <summary>
    /// Changes only the answers named, keeping the rest; an answer that gives nothing clears its
    /// question (PATCH, the portal's autosave). The same versions, tiers and checks as a whole save.
    /// </summary>
    public Task<SaveOutcome> ChangeAsync(Respondent? caller, Guid consultationId, IReadOnlyList<AnswerInput?> changes, ExpectedVersion? expected) =>
        SaveAsync(caller, consultationId, changes, expected, changing: true);

    private async Task<SaveOutcome> SaveAsync(Respondent? caller, Guid consultationId, IReadOnlyList<AnswerInput?> answers, ExpectedVersion? expected,
        bool changing)
    {
        var now = clock.UtcNow();
        var (answering, refusal) = await SubmissionGate.EnterAsync(db, caller, consultationId, now, writing: true);
        if (answering is null)
            return new SaveOutcome.Refused(refusal!);
        var questions = await published.ForAsync(db, answering.Consultation);
        var category = answering.Respondent.Category;
        if (AnswerRules.FirstOutsideTiers(answers, questions, category) is { } outside)
            return new SaveOutcome.Refused(new SubmissionRefusal.QuestionOutsideTiers(outside.Code, outside.Tier, category));
        var errors = AnswerRules.Validate(answers, questions, clearing: changing);
        if (!errors.IsEmpty)
            return new SaveOutcome.Refused(new SubmissionRefusal.AnswersInvalid(errors.ToDictionary()));

        // Without If-Match the caller means to create the submission: told apart here, before the
        // write, from a submission that another focal point creates while this save waits to be written.
        if (expected is null && await SubmissionReads.StateAsync(db, answering.Consultation.Id, answering.Respondent.EntityId) is { } before)
            return new SaveOutcome.Refused(ETagPolicy.RefusalToSave(before.Version, expected)!);

        try
        {
            var outcome = await writer.WriteAsync(db, tx => WriteAsync(tx, answering, [.. answers.Select(a => a!)], changing, expected, now));
            return outcome is SaveOutcome.Refused(var why)
                ? new SaveOutcome.Refused(await SubmissionReads.NamingWhoChangedItAsync(db, why, answering.Respondent))
                : outcome;
        }
        catch (DbUpdateException)
        {
            if (!await SubmissionExistsAsync(answering))
                throw;
            // Where first saves are not serialized in this process (SQL Server, PostgreSQL), two of
            // them can both find no submission inside their writes: the unique index on
            // (consultation, entity) let one of them in.
            return new SaveOutcome.Refused(new SubmissionRefusal.CreatedConcurrently());
        }
    }

    private static async Task<Written<SaveOutcome>> WriteAsync(SurveyDbContext tx, Answering answering, AnswerInput[] given, bool changing,
        ExpectedVersion? expected, DateTime now)
    {
        var (consultationId, who) = (answering.Consultation.Id, answering.Respondent);
        var existing = await SubmissionReads.StateAsync(tx, consultationId, who.EntityId);
        if (ETagPolicy.RefusalToWrite(existing?.Version, expected) is { } stale)
            return Written.Undone<SaveOutcome>(new SaveOutcome.Refused(stale is SubmissionRefusal.ChangedSinceRead changed
                ? changed with { LastChange = new LastChange(existing!.UpdatedBy, existing.UpdatedAt, existing.IsSubmitted) }
                : stale));
        // Read inside the write, so a change applies to exactly the version it is conditional on.
        var saved = changing && existing is not null ? await tx.Answers.AsNoTracking().Where(a => a.SubmissionId == existing.Id).ToListAsync() : [];
        var answers = changing ? AnswerRules.ApplyChanges(saved, given) : given;

        if (existing is null)
        {
            var created = new Submission
            {
                ConsultationId = consultationId, EntityId = who.EntityId, Version = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = who.UserId,
            };
            created.Answers.AddRange(answers.Select(a => AnswerRules.ToAnswer(a, created.Id)));
            tx.Submissions.Add(created);
            tx.SubmissionEvents.Add(SubmissionEvents.Of(created.Id, SubmissionAction.Created, created.Version, who.UserId, now, created.Answers.Count));
            await tx.SaveChangesAsync();
            return Written.Kept<SaveOutcome>(new SaveOutcome.Saved(created, 0));
        }

        // Conditional even though the version was just read: on SQL Server and PostgreSQL that
        // read takes no lock, and this update is where two writers are told apart.
        var updated = await tx.Submissions
            .Where(s => s.Id == existing.Id && s.Version == existing.Version)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.IsSubmitted, false)
                .SetProperty(s => s.UpdatedAt, now)
                .SetProperty(s => s.UpdatedBy, who.UserId));
        if (updated == 0)
            return Written.Undone<SaveOutcome>(new SaveOutcome.Refused(new SubmissionRefusal.ChangedConcurrently(Submitting: false)));
        await tx.Answers.Where(a => a.SubmissionId == existing.Id).ExecuteDeleteAsync();
        var replaced = new Submission
        {
            Id = existing.Id, ConsultationId = consultationId, EntityId = who.EntityId, Version = existing.Version + 1,
            UpdatedAt = now, UpdatedBy = who.UserId, SubmittedAt = existing.SubmittedAt,
        };
        replaced.Answers.AddRange(answers.Select(a => AnswerRules.ToAnswer(a, existing.Id)));
        tx.Answers.AddRange(replaced.Answers);
        tx.SubmissionEvents.Add(SubmissionEvents.Of(existing.Id, SubmissionAction.Saved, replaced.Version, who.UserId, now, answers.Count));
        await tx.SaveChangesAsync();
        return Written.Kept<SaveOutcome>(new SaveOutcome.Saved(replaced, existing.SubmittedVersion));
    }

    private async Task<bool> SubmissionExistsAsync(Answering answering)
    {
        db.ChangeTracker.Clear();
        return await db.Submissions.AnyAsync(s => s.ConsultationId == answering.Consultation.Id && s.EntityId == answering.Respondent.EntityId);
    }
}
