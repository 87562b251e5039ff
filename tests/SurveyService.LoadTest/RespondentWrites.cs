using Microsoft.EntityFrameworkCore;
using SurveyService.Data.Consultations;
using SurveyService.Data.Submissions;
using SurveyService.Questionnaires;

namespace SurveyService.LoadTest;

/// <summary>
/// The database work of one save and one submit, statement for statement as the service's
/// SubmissionWrites does it (its reads, its conditional update, its inserts, its transaction
/// under the execution strategy), each in a fresh DbContext, but without HTTP, tokens or JSON
/// bodies. The service's code is internal to the host, so it is mirrored here rather than called;
/// keep the two in step when the service changes.
/// </summary>
internal sealed class RespondentWrites(DbContextOptions<SurveyDbContext> options)
{
    /// <summary>A first save (no submission yet): returns the version, the ETag a client would send back.</summary>
    public async Task<int> SaveAsync(Guid consultationId, Guid entityId, RespondentCategory category, string userId, AnswerValue[] answers,
        IReadOnlyDictionary<string, Guid> questionIds)
    {
        await using var db = new SurveyDbContext(options);
        var now = DateTime.UtcNow;
        await EnterAsync(db, consultationId, category);
        var questions = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == consultationId).ToDictionaryAsync(q => q.Id);
        CheckTiers(answers, questionIds, questions, category);

        var existing = await db.Submissions.AsNoTracking()
            .Where(s => s.ConsultationId == consultationId && s.EntityId == entityId)
            .Select(s => new { s.Id, s.Version })
            .FirstOrDefaultAsync();
        if (existing is not null)
            throw new InvalidOperationException("The ceiling only does first saves; this entity already has a submission.");

        var saved = new Submission
        {
            ConsultationId = consultationId, EntityId = entityId, Version = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = userId,
        };
        saved.Answers.AddRange(answers.Select(a => new Answer
        {
            SubmissionId = saved.Id, QuestionId = questionIds[a.Code], Text = a.Text, Choices = a.Choices?.ToList(), Value = a.Value,
        }));
        db.Submissions.Add(saved);
        db.SubmissionEvents.Add(new SubmissionEvent
        {
            SubmissionId = saved.Id, Action = SubmissionAction.Created, Version = saved.Version, At = now, UserId = userId, AnswerCount = saved.Answers.Count,
        });
        await db.SaveChangesAsync();

        // The service reads the submission back for its response and ETag.
        db.ChangeTracker.Clear();
        var current = await db.Submissions.AsNoTracking().Include(s => s.Answers).FirstAsync(s => s.Id == saved.Id);
        await db.SubmittedVersions.CountAsync(v => v.SubmissionId == saved.Id);
        return current.Version;
    }

    public async Task SubmitAsync(Guid consultationId, Guid entityId, RespondentCategory category, string userId, int expectedVersion)
    {
        await using var db = new SurveyDbContext(options);
        var now = DateTime.UtcNow;
        await EnterAsync(db, consultationId, category);
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Answers)
            .FirstAsync(s => s.ConsultationId == consultationId && s.EntityId == entityId);
        if (submission.Version != expectedVersion)
            throw new InvalidOperationException($"Version {submission.Version}, expected {expectedVersion} (If-Match would fail).");
        var required = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == consultationId && q.Required).ToListAsync();
        if (required.Any(q => q.Tier.Admits(category) && submission.Answers.All(a => a.QuestionId != q.Id)))
            throw new InvalidOperationException("A required question is unanswered.");

        // Writes.WriteAsync: a short transaction under the execution strategy.
        var won = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var versionId = Guid.CreateVersion7();
            var updated = await db.Submissions
                .Where(s => s.Id == submission.Id && s.Version == submission.Version)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Version, s => s.Version + 1)
                    .SetProperty(s => s.IsSubmitted, true)
                    .SetProperty(s => s.SubmittedAt, now)
                    .SetProperty(s => s.LatestSubmittedVersionId, versionId)
                    .SetProperty(s => s.UpdatedAt, now)
                    .SetProperty(s => s.UpdatedBy, userId));
            if (updated == 0)
            {
                await transaction.RollbackAsync();
                return false;
            }
            var number = await db.SubmittedVersions.CountAsync(v => v.SubmissionId == submission.Id) + 1;
            var answers = submission.Answers.Select(a => new SubmittedAnswer
            {
                SubmittedVersionId = versionId, QuestionId = a.QuestionId, Text = a.Text, Choices = a.Choices, Value = a.Value,
            }).ToList();
            db.SubmittedVersions.Add(new SubmittedVersion
            {
                Id = versionId, SubmissionId = submission.Id, Number = number, SubmittedAt = now, SubmittedBy = userId,
                Digest = SurveyService.Submissions.SubmissionDigest.Compute(consultationId, entityId, number, now, answers), Answers = answers,
            });
            db.SubmissionEvents.Add(new SubmissionEvent
            {
                SubmissionId = submission.Id, Action = SubmissionAction.Submitted, Version = submission.Version + 1, At = now,
                UserId = userId, AnswerCount = answers.Count, SubmittedVersionId = versionId,
            });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return true;
        });
        if (!won)
            throw new InvalidOperationException("The conditional update lost (the service would answer 412).");
    }

    /// <summary>SubmissionGate's read: the published consultation with its weights, and its schedule.</summary>
    private static async Task EnterAsync(SurveyDbContext db, Guid consultationId, RespondentCategory category)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Weights)
            .FirstOrDefaultAsync(c => c.Id == consultationId && c.PublishedAt != null)
            ?? throw new InvalidOperationException("No published consultation.");
        var now = DateTime.UtcNow;
        if (!consultation.EligibleCategories.Contains(category) || now < consultation.OpensAt || now >= consultation.ClosesAt)
            throw new InvalidOperationException("The consultation is not open to this respondent.");
    }

    private static void CheckTiers(AnswerValue[] answers, IReadOnlyDictionary<string, Guid> ids, Dictionary<Guid, Question> questions, RespondentCategory category)
    {
        if (answers.Any(a => !questions[ids[a.Code]].Tier.Admits(category)))
            throw new InvalidOperationException("An answer is outside the respondent's tiers.");
    }
}
