using SurveyService.Identity;

namespace SurveyService.Analysis;

/// <summary>What screening did: the answer's new screening, or that the consultation has no such submitted answer.</summary>
internal abstract record ScreeningOutcome
{
    public sealed record Screened(Guid AnswerId, bool Related, string? Reason, DateTime ScreenedAt) : ScreeningOutcome;

    public sealed record AnswerNotFound(Guid ConsultationId, Guid AnswerId) : ScreeningOutcome;
}

/// <summary>
/// "Comments that did not relate directly to the questions asked would not be taken into account":
/// an analyst marks a submitted answer of the consultation as not related (with the reason) or
/// related again. The answer is kept, the decision recorded with who and when, and the next
/// compile leaves it out.
/// </summary>
internal sealed class ScreenAnswer(SurveyDbContext db, TimeProvider clock)
{
    public async Task<ScreeningOutcome> ScreenAsync(StaffMember analyst, Guid consultationId, Guid answerId, bool related, string? reason)
    {
        var belongs = await (
            from a in db.SubmittedAnswers
            join v in db.SubmittedVersions on a.SubmittedVersionId equals v.Id
            join s in db.Submissions on v.SubmissionId equals s.Id
            where a.Id == answerId && s.ConsultationId == consultationId
            select a.Id).AnyAsync();
        if (!belongs)
            return new ScreeningOutcome.AnswerNotFound(consultationId, answerId);

        var now = clock.UtcNow();
        var kept = related ? null : reason!.Trim();
        await db.SubmittedAnswers.Where(a => a.Id == answerId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Related, related)
            .SetProperty(a => a.ScreeningReason, kept)
            .SetProperty(a => a.ScreenedBy, analyst.UserId)
            .SetProperty(a => a.ScreenedAt, now));
        return new ScreeningOutcome.Screened(answerId, related, kept, now);
    }
}
