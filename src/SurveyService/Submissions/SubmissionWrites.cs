using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Data.Submissions;
using SurveyService.Problems;
using SurveyService.Questionnaires;

namespace SurveyService.Submissions;

/// <summary>
/// Saving and submitting, after the gate has let the respondent in. Every write to an existing
/// submission is conditional on the version the caller last saw (If-Match), checked in the
/// database itself, so two focal points saving at once never overwrite each other silently: one
/// wins, the other gets 412. What a write answers is built from what it wrote, not read back.
/// </summary>
internal static class SubmissionWrites
{
    // Compiled: each runs once per save or submit, thousands of times in a deadline rush.
    private static readonly CompiledPerModel<Func<SurveyDbContext, Guid, Guid, Task<SubmissionState?>>> StateOf = new(() =>
        EF.CompileAsyncQuery((SurveyDbContext db, Guid consultationId, Guid entityId) => db.Submissions
            .Where(s => s.ConsultationId == consultationId && s.EntityId == entityId)
            .Select(s => new SubmissionState(s.Id, s.Version, s.SubmittedAt, db.SubmittedVersions.Count(v => v.SubmissionId == s.Id)))
            .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<SurveyDbContext, Guid, Guid, Task<Submission?>>> WithAnswers = new(() =>
        EF.CompileAsyncQuery((SurveyDbContext db, Guid consultationId, Guid entityId) => db.Submissions.AsNoTracking().Include(s => s.Answers)
            .FirstOrDefault(s => s.ConsultationId == consultationId && s.EntityId == entityId)));

    private static readonly CompiledPerModel<Func<SurveyDbContext, Guid, Task<int>>> SubmittedVersionCount = new(() =>
        EF.CompileAsyncQuery((SurveyDbContext db, Guid submissionId) => db.SubmittedVersions.Count(v => v.SubmissionId == submissionId)));

    /// <summary>The entity's submission with its answers, or null when it has saved nothing yet.</summary>
    public static Task<Submission?> WithAnswersAsync(SurveyDbContext db, Guid consultationId, Guid entityId) =>
        WithAnswers.For(db)(db, consultationId, entityId);

    private sealed record SubmissionState(Guid Id, int Version, DateTime? SubmittedAt, int Versions);

    public static async Task<(SubmissionResponse? Saved, IResult? Problem)> SaveAsync(SurveyDbContext db, WriteQueue writes, RespondentContext who,
        IReadOnlyDictionary<Guid, Question> questions, AnswerInput?[] answers, IReadOnlyList<string>? ifMatch, DateTime now)
    {
        if (AnswerRules.FirstForbidden(answers, questions, who.Category) is { } forbidden)
            return (null, Problem.Forbidden($"Question {forbidden.Code} is addressed to the {forbidden.Tier} tier; {who.Category} respondents cannot answer it."));
        var errors = new ValidationErrors();
        AnswerRules.Validate(answers, questions, errors);
        if (!errors.IsEmpty)
            return (null, TypedResults.ValidationProblem(errors.ToDictionary(), detail: "Some answers are not valid; nothing was saved. See errors."));

        var consultationId = who.Consultation.Id;
        Submission? saved = null;
        var versions = 0;
        IResult? problem = null;
        try
        {
            await writes.WriteAsync(db, async tx =>
            {
                var existing = await StateOf.For(tx)(tx, consultationId, who.EntityId);
                saved = null;
                (problem, versions) = (null, existing?.Versions ?? 0);
                if (existing is null)
                {
                    if (ifMatch is not null && !ifMatch.Contains("*"))
                    {
                        problem = PreconditionFailed("Your entity has no submission yet, so no version can match If-Match; save without it.");
                        return false;
                    }
                    saved = new Submission
                    {
                        ConsultationId = consultationId, EntityId = who.EntityId, Version = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = who.UserId,
                    };
                    saved.Answers.AddRange(answers.Select(a => AnswerRules.ToAnswer(a!, saved.Id)));
                    tx.Submissions.Add(saved);
                    tx.SubmissionEvents.Add(Event(saved.Id, SubmissionAction.Created, saved.Version, who.UserId, now, saved.Answers.Count));
                    await tx.SaveChangesAsync();
                    return true;
                }

                if (ifMatch is null)
                {
                    problem = TypedResults.Problem("Your entity's submission already exists; send If-Match with the ETag of the version you edited, "
                        + "so that no one else's saved work is overwritten.", statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required.");
                    return false;
                }
                if (!ETags.Matches(ifMatch, existing.Version))
                {
                    problem = PreconditionFailed($"The submission was saved by someone else since you read it (it is now at version {existing.Version}); "
                        + "reload it, merge, and save again.");
                    return false;
                }
                // Conditional even though the version was just read: on SQL Server and PostgreSQL
                // that read takes no lock, and this update is where two writers are told apart.
                var updated = await tx.Submissions
                    .Where(s => s.Id == existing.Id && s.Version == existing.Version)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(s => s.Version, s => s.Version + 1)
                        .SetProperty(s => s.IsSubmitted, false)
                        .SetProperty(s => s.UpdatedAt, now)
                        .SetProperty(s => s.UpdatedBy, who.UserId));
                if (updated == 0)
                {
                    problem = PreconditionFailed("The submission was saved by someone else at the same moment; reload it, merge, and save again.");
                    return false;
                }
                await tx.Answers.Where(a => a.SubmissionId == existing.Id).ExecuteDeleteAsync();
                saved = new Submission
                {
                    Id = existing.Id, ConsultationId = consultationId, EntityId = who.EntityId, Version = existing.Version + 1,
                    UpdatedAt = now, UpdatedBy = who.UserId, SubmittedAt = existing.SubmittedAt,
                };
                saved.Answers.AddRange(answers.Select(a => AnswerRules.ToAnswer(a!, existing.Id)));
                tx.Answers.AddRange(saved.Answers);
                tx.SubmissionEvents.Add(Event(existing.Id, SubmissionAction.Saved, saved.Version, who.UserId, now, answers.Length));
                await tx.SaveChangesAsync();
                return true;
            });
        }
        catch (DbUpdateException)
        {
            if (!await SubmissionExistsAsync(db, consultationId, who.EntityId))
                throw;
            // Only where first saves are not serialized in this process (SQL Server, PostgreSQL):
            // the unique index on (consultation, entity) let one of them in.
            return (null, Problem.Conflict("Another focal point of your entity created its submission at the same moment; "
                + "GET the submission and save again with its ETag in If-Match."));
        }
        return problem is not null ? (null, problem) : (SubmissionEndpoints.ToResponse(saved!, versions), null);
    }

    public static async Task<(SubmitResponse? Submitted, int Version, IResult? Problem)> SubmitAsync(SurveyDbContext db, WriteQueue writes, RespondentContext who,
        IReadOnlyDictionary<Guid, Question> questions, IReadOnlyList<string>? ifMatch, DateTime now)
    {
        var consultationId = who.Consultation.Id;
        var submission = await WithAnswersAsync(db, consultationId, who.EntityId);
        if (submission is null)
            return (null, 0, Problem.NotFound("Your entity has saved nothing for this consultation yet; save answers with PUT before submitting."));
        if (ifMatch is not null && !ETags.Matches(ifMatch, submission.Version))
            return (null, 0, PreconditionFailed($"The submission changed since you read it (it is now at version {submission.Version}); review it and submit again."));

        if (submission.IsSubmitted && submission.LatestSubmittedVersionId is { } latestId)
        {
            // Nothing changed since the last submit: the same receipt, not a new version.
            var latest = await db.SubmittedVersions.AsNoTracking().FirstAsync(v => v.Id == latestId);
            return (new SubmitResponse("Submitted", latest.SubmittedAt.AsUtc(), Receipt(latest)), submission.Version, null);
        }

        var unanswered = questions.Values
            .Where(q => q.Required && q.Tier.Admits(who.Category) && submission.Answers.All(a => a.QuestionId != q.Id))
            .OrderBy(q => q.Order).Select(q => q.Code).ToArray();
        if (unanswered.Length > 0)
            return (null, 0, Problem.Invalid("answers", $"Required questions are not answered: {string.Join(", ", unanswered)}. Save answers to them, then submit."));

        // Counted before the write, outside SQLite's single writer: exact whenever the write below
        // succeeds, because any submit after the read above moved the version, and the write is
        // conditional on the version that read saw.
        var number = await SubmittedVersionCount.For(db)(db, submission.Id) + 1;
        SubmittedVersion? version = null;
        var won = await writes.WriteAsync(db, async tx =>
        {
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
                return false;
            var answers = submission.Answers.Select(a => new SubmittedAnswer
            {
                SubmittedVersionId = versionId, QuestionId = a.QuestionId, Text = a.Text, Choices = a.Choices, Value = a.Value,
            }).ToList();
            version = new SubmittedVersion
            {
                Id = versionId,
                SubmissionId = submission.Id,
                Number = number,
                SubmittedAt = now,
                SubmittedBy = who.UserId,
                Digest = SubmissionDigest.Compute(consultationId, submission.EntityId, number, now, answers),
                Answers = answers,
            };
            tx.SubmittedVersions.Add(version);
            tx.SubmissionEvents.Add(Event(submission.Id, SubmissionAction.Submitted, submission.Version + 1, who.UserId, now, answers.Count, versionId));
            await tx.SaveChangesAsync();
            return true;
        });
        if (!won)
            return (null, 0, PreconditionFailed("The submission was changed by someone else at the same moment; review it and submit again."));
        return (new SubmitResponse("Submitted", now.AsUtc(), Receipt(version!)), submission.Version + 1, null);
    }

    private static ReceiptResponse Receipt(SubmittedVersion version) =>
        new(version.Id, version.Number, version.SubmittedAt.AsUtc(), version.Digest);

    private static SubmissionEvent Event(Guid submissionId, SubmissionAction action, int version, string userId, DateTime at, int answers,
        Guid? submittedVersionId = null) => new()
    {
        SubmissionId = submissionId, Action = action, Version = version, At = at, UserId = userId, AnswerCount = answers,
        SubmittedVersionId = submittedVersionId,
    };

    private static async Task<bool> SubmissionExistsAsync(SurveyDbContext db, Guid consultationId, Guid entityId)
    {
        db.ChangeTracker.Clear();
        return await db.Submissions.AnyAsync(s => s.ConsultationId == consultationId && s.EntityId == entityId);
    }

    private static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "The submission has changed.");
}
