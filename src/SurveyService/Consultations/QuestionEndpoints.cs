using System.Security.Claims;
using SurveyService.Identity;

namespace SurveyService.Consultations;

internal static class QuestionEndpoints
{
    public static void MapQuestions(this RouteGroupBuilder consultations)
    {
        consultations.MapPost("/{id:guid}/questions", Add).RequireAuthorization(Policies.Secretariat).WithName("AddQuestion")
            .WithSummary("Add a question to a draft consultation.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        consultations.MapPut("/{id:guid}/questions/{questionId:guid}", Change).RequireAuthorization(Policies.Secretariat).WithName("ChangeQuestion")
            .WithSummary("Rewrite a draft's question: the same fields and checks as adding one; its place is kept.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        consultations.MapDelete("/{id:guid}/questions/{questionId:guid}", Remove).RequireAuthorization(Policies.Secretariat).WithName("RemoveQuestion")
            .WithSummary("Remove a question from a draft consultation.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        consultations.MapPut("/{id:guid}/questions/order", Reorder).RequireAuthorization(Policies.Secretariat).WithName("ReorderQuestions")
            .WithSummary("Put a draft's questions in a new order: every question's id exactly once.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<QuestionResponse>, ProblemHttpResult>> Add(Guid id, AddQuestionRequest request, ClaimsPrincipal user,
        AddQuestion adding) =>
        await adding.AddAsync(StaffMember.From(user), id, request) switch
        {
            AddQuestionOutcome.Added(var question) =>
                TypedResults.Created($"/api/consultations/{id}/questions/{question.Id}", QuestionResponse.From(question)),
            AddQuestionOutcome.Refused(var why) => ConsultationProblems.For(why),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };

    private static async Task<Results<Ok<QuestionResponse>, ProblemHttpResult>> Change(Guid id, Guid questionId, AddQuestionRequest request,
        ClaimsPrincipal user, ChangeQuestion changing) =>
        await changing.ChangeAsync(StaffMember.From(user), id, questionId, request) switch
        {
            QuestionOutcome.Done(var questions) => TypedResults.Ok(QuestionResponse.From(questions[0])),
            QuestionOutcome.Refused(var why) => ConsultationProblems.For(why),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid id, Guid questionId, ClaimsPrincipal user, RemoveQuestion removing) =>
        await removing.RemoveAsync(StaffMember.From(user), id, questionId) is { } why ? ConsultationProblems.For(why) : TypedResults.NoContent();

    private static async Task<Results<Ok<QuestionResponse[]>, ProblemHttpResult>> Reorder(Guid id, ReorderQuestionsRequest request, ClaimsPrincipal user,
        ReorderQuestions reordering) =>
        await reordering.ReorderAsync(StaffMember.From(user), id, request.QuestionIds!) switch
        {
            QuestionOutcome.Done(var questions) => TypedResults.Ok(questions.Select(QuestionResponse.From).ToArray()),
            QuestionOutcome.Refused(var why) => ConsultationProblems.For(why),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
}
