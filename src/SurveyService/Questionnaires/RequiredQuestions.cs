using SurveyService.Data.Consultations;

namespace SurveyService.Questionnaires;

/// <summary>A submit needs an answer to every required question the respondent's category is asked, and only those.</summary>
internal static class RequiredQuestions
{
    /// <summary>The codes of the required questions asked of the category that have no answer, in questionnaire order.</summary>
    public static IReadOnlyList<string> Unanswered(IEnumerable<Question> questions, RespondentCategory category, IEnumerable<Guid> answered)
    {
        var given = answered.ToHashSet();
        return [.. questions.AskedOf(category).Where(q => q.Required && !given.Contains(q.Id)).OrderBy(q => q.Order).Select(q => q.Code)];
    }
}
