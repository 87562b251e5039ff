using System.Net.Http.Headers;
using SurveyService.Submissions;

namespace SurveyService.Tests.Infrastructure;

public static class SubmissionCalls
{
    public static string Path(Guid consultationId) => $"/api/consultations/{consultationId}/submission";

    /// <summary>PUT the answers, with If-Match when an ETag is given.</summary>
    public static Task<HttpResponseMessage> SaveAsync(this HttpClient client, Guid consultationId, object[] answers, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Path(consultationId)) { Content = JsonContent.Create(new { answers }) };
        if (etag is not null)
            request.Headers.IfMatch.Add(etag == "*" ? EntityTagHeaderValue.Any : EntityTagHeaderValue.Parse(etag));
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, Guid consultationId, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path(consultationId) + "/submit");
        if (etag is not null)
            request.Headers.IfMatch.Add(etag == "*" ? EntityTagHeaderValue.Any : EntityTagHeaderValue.Parse(etag));
        return client.SendAsync(request);
    }

    public static async Task<(SubmissionResponse Body, string ETag)> ReadSubmissionAsync(this HttpClient client, Guid consultationId)
    {
        var response = await client.GetAsync(Path(consultationId));
        var body = await response.ReadAsAsync<SubmissionResponse>();
        return (body, response.Headers.ETag!.ToString());
    }
}
