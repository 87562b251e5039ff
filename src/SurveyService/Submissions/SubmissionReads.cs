using SurveyService.Data.Submissions;
using SurveyService.Identity;

namespace SurveyService.Submissions;

/// <summary>The reads of an entity's submission that saves and submits make, compiled: each runs thousands of times in a deadline rush.</summary>
internal static class SubmissionReads
{
    private static readonly CompiledPerModel<Func<SurveyDbContext, Guid, Guid, Task<SubmissionState?>>> StateQuery = new(() =>
        EF.CompileAsyncQuery((SurveyDbContext db, Guid consultationId, Guid entityId) => db.Submissions
            .Where(s => s.ConsultationId == consultationId && s.EntityId == entityId)
            .Select(s => new SubmissionState(s.Id, s.Version, s.SubmittedAt, db.SubmittedVersions.Count(v => v.SubmissionId == s.Id),
                s.UpdatedBy, s.UpdatedAt, s.IsSubmitted))
            .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<SurveyDbContext, Guid, Guid, Task<Submission?>>> WithAnswersQuery = new(() =>
        EF.CompileAsyncQuery((SurveyDbContext db, Guid consultationId, Guid entityId) => db.Submissions.AsNoTracking().Include(s => s.Answers)
            .FirstOrDefault(s => s.ConsultationId == consultationId && s.EntityId == entityId)));

    private static readonly CompiledPerModel<Func<SurveyDbContext, Guid, Task<int>>> SubmittedCountQuery = new(() =>
        EF.CompileAsyncQuery((SurveyDbContext db, Guid submissionId) => db.SubmittedVersions.Count(v => v.SubmissionId == submissionId)));

    /// <summary>The submission's version and how many versions were submitted (the latest one's number), or null when there is none.</summary>
    public static Task<SubmissionState?> StateAsync(SurveyDbContext db, Guid consultationId, Guid entityId) =>
        StateQuery.For(db)(db, consultationId, entityId);

    /// <summary>The entity's submission with its answers, or null when it has saved nothing yet.</summary>
    public static Task<Submission?> WithAnswersAsync(SurveyDbContext db, Guid consultationId, Guid entityId) =>
        WithAnswersQuery.For(db)(db, consultationId, entityId);

    /// <summary>A refusal for a stale version, with who changed the submission last named for the caller; any other refusal as it is.</summary>
    public static async Task<SubmissionRefusal> NamingWhoChangedItAsync(SurveyDbContext db, SubmissionRefusal refusal, Respondent caller)
    {
        if (refusal is not SubmissionRefusal.ChangedSinceRead { LastChange: { } last } stale)
            return refusal;
        var email = await db.Users.AsNoTracking().Where(u => u.Id == last.UserId).Select(u => u.Email).FirstOrDefaultAsync();
        return stale with { LastChange = last with { ByEmail = email, ByCaller = last.UserId == caller.UserId } };
    }

    /// <summary>
    /// The submitted versions of the entity's submission on the consultation. The submission is found
    /// first and its versions by its id, on their index: filtering versions by a correlated test on
    /// the submission scans every version of every consultation.
    /// </summary>
    public static async Task<IQueryable<SubmittedVersion>> SubmittedVersionsAsync(SurveyDbContext db, Guid consultationId, Guid entityId)
    {
        var submissionId = await db.Submissions.AsNoTracking().Where(s => s.ConsultationId == consultationId && s.EntityId == entityId)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
        return db.SubmittedVersions.AsNoTracking().Where(v => v.SubmissionId == submissionId);
    }

    /// <summary>Versions are numbered from 1, so the count is the latest submitted version's number.</summary>
    public static Task<int> LatestSubmittedNumberAsync(SurveyDbContext db, Guid submissionId) =>
        SubmittedCountQuery.For(db)(db, submissionId);
}

internal sealed record SubmissionState(Guid Id, int Version, DateTime? SubmittedAt, int SubmittedVersion, string UpdatedBy, DateTime UpdatedAt,
    bool IsSubmitted);
