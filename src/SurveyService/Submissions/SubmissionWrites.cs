using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Data.Submissions;
using SurveyService.Problems;
using SurveyService.Questionnaires;

namespace SurveyService.Submissions;

/// <summary>
/// Saving and submitting. Every write to an existing submission is conditional on the version the
/// caller last saw (If-Match), checked in the database itself, so two focal points saving at once
/// never overwrite each other silently: one wins, the other gets 412.
/// </summary>
internal static class SubmissionWrites
{
    public static async Task<IResult> SaveAsync(Guid id, SaveSubmissionRequest request, ClaimsPrincipal user, SurveyDbContext db,
        TimeProvider clock, HttpContext http)
    {
        var now = clock.UtcNow();
        var (context, problem) = await SubmissionGate.EnterAsync(db, user, id, now, writing: true);
        if (problem is not null)
            return problem;
        var questions = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == id).ToDictionaryAsync(q => q.Id);
        var answers = request.Answers!;
        if (AnswerRules.FirstForbidden(answers, questions, context!.Category) is { } forbidden)
            return Problem.Forbidden($"Question {forbidden.Code} is addressed to the {forbidden.Tier} tier; {context.Category} respondents cannot answer it.");
        var errors = new ValidationErrors();
        AnswerRules.Validate(answers, questions, errors);
        if (!errors.IsEmpty)
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "Some answers are not valid; nothing was saved. See errors.");

        var ifMatch = ETags.IfMatch(http.Request);
        var existing = await db.Submissions.AsNoTracking()
            .Where(s => s.ConsultationId == id && s.EntityId == context.EntityId)
            .Select(s => new { s.Id, s.Version })
            .FirstOrDefaultAsync();

        Submission saved;
        if (existing is null)
        {
            if (ifMatch is not null && !ifMatch.Contains("*"))
                return PreconditionFailed("Your entity has no submission yet, so no version can match If-Match; save without it.");
            saved = new Submission
            {
                ConsultationId = id,
                EntityId = context.EntityId,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = context.UserId,
            };
            saved.Answers.AddRange(answers.Select(a => AnswerRules.ToAnswer(a!, saved.Id)));
            db.Submissions.Add(saved);
            db.SubmissionEvents.Add(Event(saved, SubmissionAction.Created, context.UserId, now));
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                if (!await SubmissionExistsAsync(db, id, context.EntityId))
                    throw;
                return Problem.Conflict("Another focal point of your entity created its submission at the same moment; "
                    + "GET the submission and save again with its ETag in If-Match.");
            }
        }
        else
        {
            if (ifMatch is null)
                return TypedResults.Problem("Your entity's submission already exists; send If-Match with the ETag of the version you edited, "
                    + "so that no one else's saved work is overwritten.", statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required.");
            if (!ETags.Matches(ifMatch, existing.Version))
                return PreconditionFailed($"The submission was saved by someone else since you read it (it is now at version {existing.Version}); reload it, merge, and save again.");

            var expected = existing.Version;
            saved = new Submission { Id = existing.Id, ConsultationId = id, EntityId = context.EntityId, UpdatedBy = context.UserId };
            var won = await db.WriteAsync(async () =>
            {
                var updated = await db.Submissions
                    .Where(s => s.Id == existing.Id && s.Version == expected)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(s => s.Version, s => s.Version + 1)
                        .SetProperty(s => s.IsSubmitted, false)
                        .SetProperty(s => s.UpdatedAt, now)
                        .SetProperty(s => s.UpdatedBy, context.UserId));
                if (updated == 0)
                    return false;
                await db.Answers.Where(a => a.SubmissionId == existing.Id).ExecuteDeleteAsync();
                db.Answers.AddRange(answers.Select(a => AnswerRules.ToAnswer(a!, existing.Id)));
                db.SubmissionEvents.Add(new SubmissionEvent
                {
                    SubmissionId = existing.Id, Action = SubmissionAction.Saved, Version = expected + 1, At = now,
                    UserId = context.UserId, AnswerCount = answers.Length,
                });
                await db.SaveChangesAsync();
                return true;
            });
            if (!won)
                return PreconditionFailed("The submission was saved by someone else at the same moment; reload it, merge, and save again.");
        }
        return await CurrentAsync(db, saved.Id, http);
    }

    public static async Task<IResult> SubmitAsync(Guid id, ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock, HttpContext http)
    {
        var now = clock.UtcNow();
        var (context, problem) = await SubmissionGate.EnterAsync(db, user, id, now, writing: true);
        if (problem is not null)
            return problem;
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Answers)
            .FirstOrDefaultAsync(s => s.ConsultationId == id && s.EntityId == context!.EntityId);
        if (submission is null)
            return Problem.NotFound("Your entity has saved nothing for this consultation yet; save answers with PUT before submitting.");
        if (ETags.IfMatch(http.Request) is { } ifMatch && !ETags.Matches(ifMatch, submission.Version))
            return PreconditionFailed($"The submission changed since you read it (it is now at version {submission.Version}); review it and submit again.");

        if (submission.IsSubmitted && submission.LatestSubmittedVersionId is { } latestId)
        {
            // Nothing changed since the last submit: the same receipt, not a new version.
            var latest = await db.SubmittedVersions.AsNoTracking().FirstAsync(v => v.Id == latestId);
            http.Response.Headers.ETag = ETags.For(submission.Version);
            return TypedResults.Ok(new SubmitResponse("Submitted", latest.SubmittedAt.AsUtc(), Receipt(latest)));
        }

        var missing = await db.Questions.AsNoTracking()
            .Where(q => q.ConsultationId == id && q.Required)
            .ToListAsync();
        var unanswered = missing.Where(q => q.Tier.Admits(context!.Category) && submission.Answers.All(a => a.QuestionId != q.Id))
            .OrderBy(q => q.Order).Select(q => q.Code).ToArray();
        if (unanswered.Length > 0)
            return Problem.Invalid("answers", $"Required questions are not answered: {string.Join(", ", unanswered)}. Save answers to them, then submit.");

        SubmittedVersion? version = null;
        var won = await db.WriteAsync(async () =>
        {
            var versionId = Guid.CreateVersion7();
            var updated = await db.Submissions
                .Where(s => s.Id == submission.Id && s.Version == submission.Version)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Version, s => s.Version + 1)
                    .SetProperty(s => s.IsSubmitted, true)
                    .SetProperty(s => s.SubmittedAt, now)
                    .SetProperty(s => s.LatestSubmittedVersionId, versionId)
                    .SetProperty(s => s.UpdatedAt, now)
                    .SetProperty(s => s.UpdatedBy, context!.UserId));
            if (updated == 0)
                return false;
            // Counted after the conditional update, which holds the submission's row (or SQLite's write lock).
            var number = await db.SubmittedVersions.CountAsync(v => v.SubmissionId == submission.Id) + 1;
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
                SubmittedBy = context!.UserId,
                Digest = SubmissionDigest.Compute(id, submission.EntityId, number, now, answers),
                Answers = answers,
            };
            db.SubmittedVersions.Add(version);
            db.SubmissionEvents.Add(new SubmissionEvent
            {
                SubmissionId = submission.Id, Action = SubmissionAction.Submitted, Version = submission.Version + 1, At = now,
                UserId = context.UserId, AnswerCount = answers.Count, SubmittedVersionId = versionId,
            });
            await db.SaveChangesAsync();
            return true;
        });
        if (!won)
            return PreconditionFailed("The submission was changed by someone else at the same moment; review it and submit again.");

        http.Response.Headers.ETag = ETags.For(submission.Version + 1);
        return TypedResults.Ok(new SubmitResponse("Submitted", now.AsUtc(), Receipt(version!)));
    }

    private static ReceiptResponse Receipt(SubmittedVersion version) =>
        new(version.Id, version.Number, version.SubmittedAt.AsUtc(), version.Digest);

    private static async Task<IResult> CurrentAsync(SurveyDbContext db, Guid submissionId, HttpContext http)
    {
        db.ChangeTracker.Clear();
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Answers).FirstAsync(s => s.Id == submissionId);
        var versions = await db.SubmittedVersions.CountAsync(v => v.SubmissionId == submissionId);
        http.Response.Headers.ETag = ETags.For(submission.Version);
        return TypedResults.Ok(SubmissionEndpoints.ToResponse(submission, versions));
    }

    private static SubmissionEvent Event(Submission submission, SubmissionAction action, string userId, DateTime at) => new()
    {
        SubmissionId = submission.Id, Action = action, Version = submission.Version, At = at, UserId = userId, AnswerCount = submission.Answers.Count,
    };

    private static async Task<bool> SubmissionExistsAsync(SurveyDbContext db, Guid consultationId, Guid entityId)
    {
        db.ChangeTracker.Clear();
        return await db.Submissions.AnyAsync(s => s.ConsultationId == consultationId && s.EntityId == entityId);
    }

    private static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "The submission has changed.");
}
