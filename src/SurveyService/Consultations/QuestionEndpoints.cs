using System.Security.Claims;
using SurveyService.Identity;

namespace SurveyService.Consultations;

internal static class QuestionEndpoints
{
    public static void MapQuestions(this RouteGroupBuilder consultations) =>
        consultations.MapPost("/{id:guid}/questions", Add).RequireAuthorization(Policies.Secretariat).WithName("AddQuestion")
            .WithSummary("Add a question to a draft consultation.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<QuestionResponse>, ProblemHttpResult>> Add(Guid id, AddQuestionRequest request, ClaimsPrincipal user,
        AddQuestion adding) =>
        await adding.AddAsync(StaffMember.From(user), id, request) switch
        {
            AddQuestionOutcome.Added(var question) =>
                TypedResults.Created($"/api/consultations/{id}/questions/{question.Id}", QuestionResponse.From(question)),
            AddQuestionOutcome.Refused(var why) => ConsultationProblems.For(why),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
}
