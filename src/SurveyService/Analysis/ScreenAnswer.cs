using SurveyService.Data.Submissions;
using SurveyService.Identity;

namespace SurveyService.Analysis;

/// <summary>What screening did: the answer's new screening, or that the consultation has no such submitted answer.</summary>
internal abstract record ScreeningOutcome
{
    public sealed record Screened(Guid AnswerId, bool Related, string? Reason, string ScreenedBy, DateTime ScreenedAt) : ScreeningOutcome;

    public sealed record AnswerNotFound(Guid ConsultationId, Guid AnswerId) : ScreeningOutcome;
}

/// <summary>One screening decision as its history tells it, with the e-mail of the analyst who made it (null if the account is gone).</summary>
internal sealed record ScreeningStep(long Id, Guid AnswerId, bool Related, string? Reason, string UserId, string? Email, DateTime At);

/// <summary>An answer's screening now, and every decision that led to it, oldest first.</summary>
internal sealed record ScreeningHistory(bool Related, string? Reason, IReadOnlyList<ScreeningStep> Steps);

/// <summary>
/// "Comments that did not relate directly to the questions asked would not be taken into account":
/// an analyst marks a submitted answer of the consultation as not related (with the reason) or
/// related again. The answer is kept, and the next compile leaves it out. The answer holds only its
/// latest screening; every decision, each undoing included, is also kept as a ScreeningDecision,
/// written in the same transaction, so the two can never disagree.
/// </summary>
internal sealed class ScreenAnswer(SurveyDbContext db, TimeProvider clock)
{
    public async Task<ScreeningOutcome> ScreenAsync(StaffMember analyst, Guid consultationId, Guid answerId, bool related, string? reason)
    {
        if (!await Submitted(consultationId, answerId).AnyAsync())
            return new ScreeningOutcome.AnswerNotFound(consultationId, answerId);

        var now = clock.UtcNow();
        var kept = related ? null : reason!.Trim();
        // Undoing takes no reason, but one given is kept in the history.
        var given = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await TransactionPerWrite.RunAsync(db, async () =>
        {
            await db.SubmittedAnswers.Where(a => a.Id == answerId).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Related, related)
                .SetProperty(a => a.ScreeningReason, kept)
                .SetProperty(a => a.ScreenedBy, analyst.UserId)
                .SetProperty(a => a.ScreenedAt, now));
            db.ScreeningDecisions.Add(new ScreeningDecision
            {
                ConsultationId = consultationId, SubmittedAnswerId = answerId, Related = related, Reason = given, UserId = analyst.UserId, At = now,
            });
            await db.SaveChangesAsync();
            return true;
        });
        return new ScreeningOutcome.Screened(answerId, related, kept, analyst.UserId, now);
    }

    /// <summary>The answer's screening and every decision on it, oldest first; null when the consultation has no such submitted answer.</summary>
    public async Task<ScreeningHistory?> HistoryAsync(Guid consultationId, Guid answerId)
    {
        var answer = await Submitted(consultationId, answerId).Select(a => new { a.Related, a.ScreeningReason }).FirstOrDefaultAsync();
        return answer is null ? null : new ScreeningHistory(answer.Related, answer.ScreeningReason, await HistoryAsync(consultationId, [answerId]));
    }

    /// <summary>The decisions on each of the answers, oldest first (for a page of the screening queue).</summary>
    public async Task<IReadOnlyList<ScreeningStep>> HistoryAsync(Guid consultationId, IReadOnlyCollection<Guid> answerIds) =>
        await (from d in db.ScreeningDecisions.AsNoTracking()
               where d.ConsultationId == consultationId && answerIds.Contains(d.SubmittedAnswerId)
               join u in db.Users.AsNoTracking() on d.UserId equals u.Id into users
               from u in users.DefaultIfEmpty()
               orderby d.Id
               select new ScreeningStep(d.Id, d.SubmittedAnswerId, d.Related, d.Reason, d.UserId, u == null ? null : u.Email, d.At)).ToListAsync();

    /// <summary>The answer, if it is one submitted to the consultation.</summary>
    private IQueryable<SubmittedAnswer> Submitted(Guid consultationId, Guid answerId) =>
        from a in db.SubmittedAnswers.AsNoTracking()
        join v in db.SubmittedVersions on a.SubmittedVersionId equals v.Id
        join s in db.Submissions on v.SubmissionId equals s.Id
        where a.Id == answerId && s.ConsultationId == consultationId
        select a;
}
