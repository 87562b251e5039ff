using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Questionnaires;

public sealed record QuestionnaireResponse(Guid ConsultationId, string Title, ConsultationStatus Status,
    DateTimeOffset ClosesAt, RespondentCategory? Category, QuestionTier[] Tiers, QuestionResponse[] Questions);

internal static class QuestionnaireEndpoints
{
    public static IEndpointRouteBuilder MapQuestionnaires(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/consultations/{id:guid}/questionnaire", Get).WithTags("Questionnaires").RequireAuthorization().WithName("GetQuestionnaire")
            .WithSummary("The questions the caller may answer, by category and tier; staff see all.").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<QuestionnaireResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock)
    {
        var consultation = await db.FindVisibleAsync(id, user);
        if (consultation is null)
            return ConsultationEndpoints.NotFound(id);

        var category = user.Category();
        if (!user.IsStaff() && category is null)
            return Problem.Forbidden("This account is neither a respondent nor staff.");
        if (category is { } c && !ConsultationSchedule.From(consultation).Admits(c))
            return Problem.Forbidden($"Respondents of the category {c} are not eligible for this consultation.");

        var tiers = VisibleTiers.Of(user);
        var all = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == id).OrderBy(q => q.Order).ToListAsync();
        var questions = category is { } asked ? [.. all.AskedOf(asked)] : all;
        var response = ConsultationResponse.From(consultation, questions.Count, clock.UtcNow());
        return TypedResults.Ok(new QuestionnaireResponse(id, consultation.Title, response.Status, response.ClosesAt, category, tiers,
            // Numbered as the caller sees them: gaps would show where questions reserved to others are.
            [.. questions.Select((q, i) => user.IsStaff() ? QuestionResponse.From(q) : QuestionResponse.From(q) with { Order = i + 1 })]));
    }
}
