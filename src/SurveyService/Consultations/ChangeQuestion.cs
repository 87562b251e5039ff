using System.Globalization;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Consultations;

/// <summary>What changing or reordering questions did: the questions as they now are, or why nothing changed.</summary>
internal abstract record QuestionOutcome
{
    public sealed record Done(IReadOnlyList<Question> Questions) : QuestionOutcome;

    public sealed record Refused(ConsultationRefusal Why) : QuestionOutcome;
}

/// <summary>
/// The Secretariat rewrites a draft's question: the same fields and checks as adding one, the code
/// still unique, its place kept. The trail keeps the question's code as it was, and each changed
/// field before and after ("text: …", one line each), in the same save.
/// </summary>
internal sealed class ChangeQuestion(SurveyDbContext db, TimeProvider clock)
{
    public async Task<QuestionOutcome> ChangeAsync(StaffMember? by, Guid consultationId, Guid questionId, AddQuestionRequest request)
    {
        if (await DraftQuestions.RefusalAsync(db, consultationId) is { } refusal)
            return new QuestionOutcome.Refused(refusal);
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.ConsultationId == consultationId);
        if (question is null)
            return new QuestionOutcome.Refused(new ConsultationRefusal.QuestionNotFound(questionId));
        var code = request.Code!.Trim();
        if (await DraftQuestions.CodeTakenAsync(db, consultationId, code, except: questionId))
            return new QuestionOutcome.Refused(new ConsultationRefusal.DuplicateQuestionCode(code));

        var before = Fields(question);
        var wanted = request.ToQuestion(consultationId, question.Order);
        var after = Fields(wanted);
        var changed = before.Keys.Where(field => before[field] != after[field]).ToList();
        if (changed.Count > 0)
        {
            var oldCode = question.Code;
            (question.Code, question.Text, question.Tier, question.Type, question.Options, question.Required) =
                (wanted.Code, wanted.Text, wanted.Tier, wanted.Type, wanted.Options, wanted.Required);
            (question.MaxLength, question.ScaleMin, question.ScaleMax) = (wanted.MaxLength, wanted.ScaleMin, wanted.ScaleMax);
            string Lines(Dictionary<string, string> values) => string.Join("\n", changed.Select(field => $"{field}: {values[field]}"));
            db.ConsultationEvents.Add(ConsultationEvents.Of(consultationId, ConsultationAction.QuestionChanged, by, clock.UtcNow(), subject: oldCode,
                before: Lines(before), after: Lines(after)));
            await db.SaveChangesAsync();
        }
        return new QuestionOutcome.Done([question]);
    }

    /// <summary>A question's fields as the API names them and the trail writes them.</summary>
    private static Dictionary<string, string> Fields(Question q) => new()
    {
        ["code"] = q.Code,
        ["text"] = q.Text,
        ["tier"] = q.Tier.ToString(),
        ["type"] = q.Type.ToString(),
        ["options"] = string.Join(" | ", q.Options),
        ["required"] = q.Required ? "true" : "false",
        ["maxLength"] = Number(q.MaxLength),
        ["scaleMin"] = Number(q.ScaleMin),
        ["scaleMax"] = Number(q.ScaleMax),
    };

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
