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

    public static IServiceCollection AddQuestionnaires(this IServiceCollection services) => services.AddScoped<ReadQuestionnaire>();

    private static async Task<Results<Ok<QuestionnaireResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, ReadQuestionnaire reading, TimeProvider clock) =>
        await reading.ForAsync(user, id) switch
        {
            QuestionnaireOutcome.Ready(var consultation, var category, var tiers, var questions) => TypedResults.Ok(new QuestionnaireResponse(
                id, consultation.Title, ConsultationSchedule.From(consultation).StatusAt(clock.UtcNow()), consultation.ClosesAt.AsUtc(), category, tiers,
                // Numbered as the caller sees them: gaps would show where questions reserved to others are.
                [.. questions.Select((q, i) => category is null ? QuestionResponse.From(q) : QuestionResponse.From(q) with { Order = i + 1 })])),
            QuestionnaireOutcome.NotFound => ConsultationEndpoints.NotFound(id),
            QuestionnaireOutcome.NeitherRespondentNorStaff => Problem.Forbidden("This account is neither a respondent nor staff."),
            QuestionnaireOutcome.NotEligible(var c, _) => Problem.Forbidden($"Respondents of the category {c} are not eligible for this consultation."),
            var other => throw new InvalidOperationException($"Unknown outcome {other}."),
        };
}
