using SurveyService.Analysis;

namespace SurveyService.Tests.Infrastructure;

/// <summary>A closed consultation, its questions' ids by code, and the respondents whose submissions it holds.</summary>
public sealed record ClosedWithAnswers(Guid Id, IReadOnlyDictionary<string, Guid> Questions, IReadOnlyList<Respondent> Respondents);

public static class ClosedWithAnswersSetup
{
    /// <summary>
    /// The setup many analysis tests start from: a published consultation (one question per tier
    /// unless told otherwise), entities of the category each submitting answers (by default one
    /// text to 3a: "answer 0", "answer 1"…), closed now by the Secretariat, which requests its
    /// analysis. The compile runs on Hangfire's workers; wait for it with WaitForAnalysisAsync.
    /// </summary>
    public static async Task<ClosedWithAnswers> CloseWithAnswersAsync(this SurveyApplication app, int submissions = 1,
        RespondentCategory category = RespondentCategory.MemberState, Func<IReadOnlyDictionary<string, Guid>, int, object[]>? answers = null,
        QuestionSpec[]? questions = null)
    {
        answers ??= (q, i) => [new { questionId = q["3a"], text = $"answer {i}" }];
        var id = await app.CreateConsultationAsync(questions);
        var q = await app.QuestionIdsAsync(id);
        var respondents = new List<Respondent>();
        for (var i = 0; i < submissions; i++)
        {
            var respondent = await app.AsRespondentAsync(category);
            (await respondent.Client.SaveAsync(id, answers(q, i))).EnsureSuccessStatusCode();
            (await respondent.Client.SubmitAsync(id)).EnsureSuccessStatusCode();
            respondents.Add(respondent);
        }
        await (await (await app.AsSecretariatAsync()).PostAsync($"/api/consultations/{id}/close", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        return new ClosedWithAnswers(id, q, respondents);
    }
}
