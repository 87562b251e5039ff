using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Consultations;

/// <summary>The consultation's questions in their new order: each of them exactly once.</summary>
public sealed record ReorderQuestionsRequest(Guid[]? QuestionIds) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        errors.When(QuestionIds is null or { Length: 0 }, "questionIds", "Give questionIds: every question of the consultation, each once, in the new order.");
        errors.When(QuestionIds is not null && QuestionIds.Distinct().Count() != QuestionIds.Length, "questionIds", "A question is named more than once.");
    }
}

/// <summary>
/// The Secretariat puts a draft's questions in a new order (respondents see them by tier, in this
/// order within each). The trail keeps the codes in their order before and after.
/// </summary>
internal sealed class ReorderQuestions(SurveyDbContext db, TimeProvider clock)
{
    public async Task<QuestionOutcome> ReorderAsync(StaffMember? by, Guid consultationId, IReadOnlyList<Guid> questionIds)
    {
        if (await DraftQuestions.RefusalAsync(db, consultationId) is { } refusal)
            return new QuestionOutcome.Refused(refusal);
        var questions = await db.Questions.Where(q => q.ConsultationId == consultationId).OrderBy(q => q.Order).ToListAsync();
        // A list that leaves one out or names another consultation's would lose or steal a question's place.
        if (questionIds.Count != questions.Count || !questions.Select(q => q.Id).ToHashSet().SetEquals(questionIds))
            return new QuestionOutcome.Refused(new ConsultationRefusal.QuestionOrderIncomplete(questions.Count));

        var before = DraftQuestions.Codes(questions);
        var byId = questions.ToDictionary(q => q.Id);
        var reordered = questionIds.Select(id => byId[id]).ToList();
        for (var i = 0; i < reordered.Count; i++)
            reordered[i].Order = i + 1;
        var after = DraftQuestions.Codes(reordered);
        if (before != after)
            db.ConsultationEvents.Add(ConsultationEvents.Of(consultationId, ConsultationAction.QuestionsReordered, by, clock.UtcNow(),
                before: before, after: after));
        await db.SaveChangesAsync();
        return new QuestionOutcome.Done(reordered);
    }
}
