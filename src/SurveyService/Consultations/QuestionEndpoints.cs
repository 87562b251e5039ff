using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Consultations;

internal static class QuestionEndpoints
{
    public static void MapQuestions(this RouteGroupBuilder consultations) =>
        consultations.MapPost("/{id:guid}/questions", Add).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Add a question to a draft consultation.");

    private static async Task<Results<Created<QuestionResponse>, ProblemHttpResult>> Add(Guid id, AddQuestionRequest request, SurveyDbContext db)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return ConsultationEndpoints.NotFound(id);
        if (consultation.PublishedAt is not null)
            return Problem.Conflict($"The consultation was published at {consultation.PublishedAt:u}; its questions are frozen.");
        var code = request.Code!.Trim();
        if (await db.Questions.AnyAsync(q => q.ConsultationId == id && q.Code == code))
            return Problem.Conflict($"The consultation already has a question with the code '{code}'.");

        var order = await db.Questions.Where(q => q.ConsultationId == id).Select(q => (int?)q.Order).MaxAsync() ?? 0;
        var question = request.ToQuestion(id, order + 1);
        db.Questions.Add(question);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/consultations/{id}/questions/{question.Id}", QuestionResponse.From(question));
    }
}
