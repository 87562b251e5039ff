using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Analysis;

public sealed record ScreeningRequest(bool? Related, string? Reason) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        errors.When(Related is null, "related", "Say whether the answer relates to the question: true or false.");
        errors.When(Related == false && string.IsNullOrWhiteSpace(Reason), "reason", "Give the reason the answer does not relate to the question.");
        errors.When(Reason?.Length > 2_000, "reason", "The reason is longer than 2,000 characters.");
    }
}

public sealed record AnswerListItem(Guid Id, Guid QuestionId, string QuestionCode, QuestionTier Tier, Guid EntityId, string EntityName,
    RespondentCategory Category, decimal Weight, string? Text, string[]? Choices, int? Value, bool Related, string? ScreeningReason);

public sealed record AnswerPage(AnswerListItem[] Items, int Total, int Page, int PageSize);

/// <summary>
/// "Comments that did not relate directly to the questions asked would not be taken into account":
/// analysts read every submitted answer and screen out those; screened answers are kept, audited
/// (who, when, why) and left out of the next compile.
/// </summary>
internal static class ScreeningEndpoints
{
    public const int MaxPageSize = 500;

    public static void MapScreening(this RouteGroupBuilder consultation)
    {
        consultation.MapGet("/answers", List).RequireAuthorization(Policies.Analyst)
            .WithSummary("Every answer of the latest submitted versions; paged with ?page (from 1) and ?pageSize (up to 500).");
        consultation.MapPut("/answers/{answerId:guid}/screening", Screen).RequireAuthorization(Policies.Analyst).WithValidation()
            .WithSummary("Mark an answer as not related to its question (kept, left out of the analysis), or related again.");
    }

    private static async Task<IResult> List(Guid id, SurveyDbContext db, int? page, int? pageSize, Guid? questionId, bool? related)
    {
        var size = pageSize ?? 100;
        var number = page ?? 1;
        if (number < 1)
            return Problem.Invalid("page", "page counts from 1.");
        if (size is < 1 or > MaxPageSize)
            return Problem.Invalid("pageSize", $"pageSize must be from 1 to {MaxPageSize}.");
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return ConsultationEndpoints.NotFound(id);
        var weights = Weighting.WeightsOf(consultation);

        var query = new AnswerRows(db, id).Latest()
            .Where(j => (questionId == null || j.Answer.QuestionId == questionId) && (related == null || j.Answer.Related == related))
            .Select(j => new { a = j.Answer, e = j.Entity, q = j.Question });
        var total = await query.CountAsync();
        var rows = await query.OrderBy(r => r.q.Order).ThenBy(r => r.e.Name).ThenBy(r => r.a.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync();
        var items = rows.Select(r => new AnswerListItem(r.a.Id, r.q.Id, r.q.Code, r.q.Tier, r.e.Id, r.e.Name, r.e.Category, weights[r.e.Category],
            r.a.Text, r.a.Choices?.ToArray(), r.a.Value, r.a.Related, r.a.ScreeningReason)).ToArray();
        return TypedResults.Ok(new AnswerPage(items, total, number, size));
    }

    private static async Task<IResult> Screen(Guid id, Guid answerId, ScreeningRequest request, ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock)
    {
        var belongs = await (
            from a in db.SubmittedAnswers
            join v in db.SubmittedVersions on a.SubmittedVersionId equals v.Id
            join s in db.Submissions on v.SubmissionId equals s.Id
            where a.Id == answerId && s.ConsultationId == id
            select a.Id).AnyAsync();
        if (!belongs)
            return Problem.NotFound($"Consultation {id} has no submitted answer {answerId}.");

        var related = request.Related!.Value;
        var now = clock.UtcNow();
        await db.SubmittedAnswers.Where(a => a.Id == answerId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Related, related)
            .SetProperty(a => a.ScreeningReason, related ? null : request.Reason!.Trim())
            .SetProperty(a => a.ScreenedBy, user.UserId())
            .SetProperty(a => a.ScreenedAt, now));
        return TypedResults.Ok(new { id = answerId, related, screeningReason = related ? null : request.Reason!.Trim(), screenedAt = now });
    }
}
