using System.Net.Http.Headers;
using SurveyService.Submissions;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>Submissions as people use them: changing some answers, and one story of versions across saves and submits.</summary>
public sealed class SubmissionChangeTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private async Task<(Guid Consultation, Dictionary<string, Guid> Questions)> OpenConsultationAsync()
    {
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType);
        return (consultation, await app.QuestionIdsAsync(consultation));
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid consultation, object[] answers, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, SubmissionCalls.Path(consultation)) { Content = JsonContent.Create(new { answers }) };
        if (etag is not null)
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return client.SendAsync(request);
    }

    [Fact]
    public async Task ChangingOneAnswerKeepsTheOthers()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var saved = await respondent.Client.SaveAsync(consultation,
            [new { questionId = q["1a"], text = "first" }, new { questionId = q["2a"], choices = new[] { "Yes" } }, new { questionId = q["3c"], value = 2 }]);

        var changed = await ChangeAsync(respondent.Client, consultation, [new { questionId = q["3c"], value = 5 }], saved.Headers.ETag!.ToString());

        var submission = await changed.ReadAsAsync<SubmissionResponse>();
        Assert.Equal("\"2\"", changed.Headers.ETag?.ToString());
        var answers = submission.Answers.ToDictionary(a => a.QuestionId);
        Assert.Equal(3, answers.Count);
        Assert.Equal("first", answers[q["1a"]].Text);
        Assert.Equal(["Yes"], answers[q["2a"]].Choices!);
        Assert.Equal(5, answers[q["3c"]].Value);
    }

    [Fact]
    public async Task AnAnswerThatGivesNothingClearsItsQuestion()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var saved = await respondent.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = "first" }, new { questionId = q["3c"], value = 2 }]);

        var changed = await ChangeAsync(respondent.Client, consultation, [new { questionId = q["1a"] }], saved.Headers.ETag!.ToString());

        var submission = await changed.ReadAsAsync<SubmissionResponse>();
        Assert.Equal(q["3c"], Assert.Single(submission.Answers).QuestionId);
    }

    [Fact]
    public async Task AChangeIsCheckedAsAWholeSaveIs()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var stakeholder = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
        var first = await ChangeAsync(stakeholder.Client, consultation, [new { questionId = q["3a"], text = "created by a change" }]);
        Assert.Equal("\"1\"", first.Headers.ETag?.ToString());

        await (await ChangeAsync(stakeholder.Client, consultation, [new { questionId = q["3a"], text = "no precondition" }]))
            .AssertProblemAsync((HttpStatusCode)428);
        await (await ChangeAsync(stakeholder.Client, consultation, [new { questionId = q["1a"] }], "\"1\""))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ChangeAsync(stakeholder.Client, consultation, [new { questionId = q["3c"], value = 99 }], "\"1\""))
            .AssertValidationErrorAsync("answers[0].value");
        var kept = await (await stakeholder.Client.GetAsync(SubmissionCalls.Path(consultation))).ReadAsAsync<SubmissionResponse>();
        Assert.Equal(1, kept.Version);
        Assert.Equal("created by a change", Assert.Single(kept.Answers).Text);
    }

    [Fact]
    public async Task SavingWithTheETagFromBeforeOnesOwnSubmitSaysSoAndTheSubmittedVersionStillCounts()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Academia);
        var saved = await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "submitted text" }, new { questionId = q["3c"], value = 3 }]);
        var submit = await respondent.Client.SubmitAsync(consultation, saved.Headers.ETag!.ToString());
        var receipt = await submit.ReadAsAsync<SubmitResponse>();

        var problem = await (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "amended" }], saved.Headers.ETag!.ToString()))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("submitted by you", detail);
        Assert.Contains(submit.Headers.ETag!.ToString(), detail);

        var amended = await ChangeAsync(respondent.Client, consultation, [new { questionId = q["3a"], text = "amended" }], submit.Headers.ETag!.ToString());
        var draft = await amended.ReadAsAsync<SubmissionResponse>();
        Assert.Equal("Draft", draft.Status);
        Assert.Equal(receipt.Receipt.Version, draft.SubmittedVersion);
        Assert.Equal(receipt.SubmittedAt, draft.LastSubmittedAt);
        Assert.True(draft.HasChangesSinceSubmit);
    }

    [Fact]
    public async Task APreconditionFailureNamesWhoSavedLastAndWhen()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var first = await app.AsRespondentAsync(RespondentCategory.SectorMember);
        var second = await app.AddFocalPointAsync(first.EntityId);
        var saved = await first.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "first" }]);
        (await second.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "second" }], saved.Headers.ETag!.ToString())).EnsureSuccessStatusCode();

        var problem = await (await first.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "third" }], saved.Headers.ETag!.ToString()))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"saved by {second.Email}", detail);
        Assert.Contains(app.Clock.GetUtcNow().UtcDateTime.ToString("u"), detail);
    }

    [Fact]
    public async Task ASubmissionNeverSubmittedHasNoChangesSinceSubmit()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Associate);

        var draft = await (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "draft" }])).ReadAsAsync<SubmissionResponse>();

        Assert.Equal(0, draft.SubmittedVersion);
        Assert.Null(draft.LastSubmittedAt);
        Assert.False(draft.HasChangesSinceSubmit);
    }
}
