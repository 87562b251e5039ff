using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Analysis;

public sealed record ScreeningRequest(bool? Related, string? Reason = null) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        errors.When(Related is null, "related", "Say whether the answer relates to the question: true or false.");
        errors.When(Related == false && string.IsNullOrWhiteSpace(Reason), "reason", "Give the reason the answer does not relate to the question.");
        errors.When(Reason?.Length > 2_000, "reason", "The reason is longer than 2,000 characters.");
    }
}

/// <summary>An answer with its latest screening: screenedBy is the account id of the analyst who decided, as submittedBy elsewhere.</summary>
public sealed record AnswerListItem(Guid Id, Guid QuestionId, string QuestionCode, QuestionTier Tier, Guid EntityId, string EntityName,
    RespondentCategory Category, decimal Weight, string? Text, string[]? Choices, int? Value, bool Related, string? ScreeningReason,
    string? ScreenedBy, DateTimeOffset? ScreenedAt);

public sealed record AnswerPage(AnswerListItem[] Items, int Total, int Page, int PageSize);

public sealed record ScreeningResponse(Guid Id, bool Related, string? ScreeningReason, DateTime ScreenedAt);

/// <summary>One screening decision: what was decided, why, by which account (with its e-mail) and when.</summary>
public sealed record ScreeningDecisionResponse(bool Related, string? Reason, string ScreenedBy, string? ScreenedByEmail, DateTimeOffset ScreenedAt);

/// <summary>An answer's screening now, and every decision that led to it, oldest first.</summary>
public sealed record ScreeningHistoryResponse(Guid AnswerId, bool Related, string? ScreeningReason, ScreeningDecisionResponse[] Decisions);

/// <summary>Analysts read every submitted answer and screen out those unrelated to their question (<see cref="ScreenAnswer"/>).</summary>
internal static class ScreeningEndpoints
{
    public const int MaxPageSize = 500;

    public static void MapScreening(this RouteGroupBuilder consultation)
    {
        consultation.MapGet("/answers", List).RequireAuthorization(Policies.Analyst).WithName("ListAnswers")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every answer of the latest submitted versions; paged with ?page (from 1) and ?pageSize (up to 500).");
        consultation.MapPut("/answers/{answerId:guid}/screening", Screen).RequireAuthorization(Policies.Analyst).WithValidation().WithName("ScreenAnswer")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Mark an answer as not related to its question (kept, left out of the analysis), or related again.");
        consultation.MapGet("/answers/{answerId:guid}/screening", History).RequireAuthorization(Policies.Analyst).WithName("GetScreeningHistory")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every screening decision on an answer, oldest first: related or not, the reason, who and when.");
    }

    private static async Task<Results<Ok<AnswerPage>, ProblemHttpResult>> List(Guid id, SurveyDbContext db, int? page, int? pageSize, Guid? questionId, bool? related)
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
        var weights = CategoryWeights.Of(consultation);

        var query = new AnswerRows(db, id).Latest()
            .Where(j => (questionId == null || j.Answer.QuestionId == questionId) && (related == null || j.Answer.Related == related))
            .Select(j => new { a = j.Answer, e = j.Entity, q = j.Question });
        var total = await query.CountAsync();
        // In long: a page far past the end is empty, never page 1 again through an overflow.
        var skip = (long)(number - 1) * size;
        var rows = skip >= total ? [] : await query.OrderBy(r => r.q.Order).ThenBy(r => r.e.Name).ThenBy(r => r.a.Id)
            .Skip((int)skip).Take(size).ToListAsync();
        var items = rows.Select(r => new AnswerListItem(r.a.Id, r.q.Id, r.q.Code, r.q.Tier, r.e.Id, r.e.Name, r.e.Category, weights[r.e.Category],
            r.a.Text, r.a.Choices?.ToArray(), r.a.Value, r.a.Related, r.a.ScreeningReason, r.a.ScreenedBy, r.a.ScreenedAt?.AsUtc())).ToArray();
        return TypedResults.Ok(new AnswerPage(items, total, number, size));
    }

    private static async Task<Results<Ok<ScreeningResponse>, ProblemHttpResult>> Screen(Guid id, Guid answerId, ScreeningRequest request,
        ClaimsPrincipal user, ScreenAnswer screening)
    {
        var analyst = StaffMember.From(user) ?? throw new InvalidOperationException("The Analyst policy let in someone who is not staff.");
        return await screening.ScreenAsync(analyst, id, answerId, request.Related!.Value, request.Reason) switch
        {
            ScreeningOutcome.Screened(var answer, var related, var reason, _, var at) => TypedResults.Ok(new ScreeningResponse(answer, related, reason, at)),
            ScreeningOutcome.AnswerNotFound(var consultation, var answer) =>
                Problem.NotFound($"Consultation {consultation} has no submitted answer {answer}."),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }

    private static async Task<Results<Ok<ScreeningHistoryResponse>, ProblemHttpResult>> History(Guid id, Guid answerId, ScreenAnswer screening) =>
        await screening.HistoryAsync(id, answerId) is { } history
            ? TypedResults.Ok(new ScreeningHistoryResponse(answerId, history.Related, history.Reason,
                [.. history.Steps.Select(s => new ScreeningDecisionResponse(s.Related, s.Reason, s.UserId, s.Email, s.At.AsUtc()))]))
            : Problem.NotFound($"Consultation {id} has no submitted answer {answerId}.");
}
