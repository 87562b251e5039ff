using SurveyService.Submissions;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>An If-Match header that is not an entity tag is the client's mistake, told as such: not a stale version.</summary>
public sealed class IfMatchTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string ifMatch, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        // Without validation: HttpClient would refuse to send these, and some clients send them all the same.
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static async Task AssertUnreadableAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The If-Match header cannot be read.", problem.GetProperty("title").GetString());
        Assert.Contains("If-Match: \"3\"", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("W/\"x")]
    [InlineData("garbage")]
    [InlineData("\"1\" \"2\"")]
    public async Task AnIfMatchThatIsNotAnEntityTagIsRefusedSayingHowToWriteIt(string ifMatch)
    {
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType);
        var q = await app.QuestionIdsAsync(consultation);
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var path = SubmissionCalls.Path(consultation);
        var answers = new { answers = new object[] { new { questionId = q["2a"], choices = new[] { "Yes" } } } };

        await AssertUnreadableAsync(await SendAsync(respondent.Client, HttpMethod.Put, path, ifMatch, answers));
        await (await respondent.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);

        (await respondent.Client.SaveAsync(consultation, answers.answers)).EnsureSuccessStatusCode();
        await AssertUnreadableAsync(await SendAsync(respondent.Client, HttpMethod.Put, path, ifMatch, answers));
        await AssertUnreadableAsync(await SendAsync(respondent.Client, HttpMethod.Patch, path, ifMatch, answers));
        await AssertUnreadableAsync(await SendAsync(respondent.Client, HttpMethod.Post, path + "/submit", ifMatch));
        var (kept, etag) = await respondent.Client.ReadSubmissionAsync(consultation);
        Assert.Equal(("Draft", "\"1\""), (kept.Status, etag));
    }
}
