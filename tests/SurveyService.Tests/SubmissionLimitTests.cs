using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>Saves and submits past Submissions:MaxConcurrent wait in line; past the line's limit they are refused, and nothing is lost silently.</summary>
public sealed class SubmissionLimitTests
{
    [Fact]
    public async Task BeyondTheLineASaveIsRefusedWith503AndRetryAfterAndTheOneInsideIsKept()
    {
        await using var app = new SurveyApplication();
        app.Settings["Submissions:MaxConcurrent"] = "1";
        app.Settings["Submissions:QueueLimit"] = "0";
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType);
        var q = await app.QuestionIdsAsync(consultation);
        var first = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var second = await app.AsRespondentAsync(RespondentCategory.Academia);

        // The first save holds the only place while its body is still arriving.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { answers = new[] { new { questionId = q["1a"], text = "held" } } });
        var held = first.Client.PutAsync(SubmissionCalls.Path(consultation), new HeldContent(body, started, release.Task) { Headers = { ContentType = new("application/json") } });
        await started.Task;
        using (var portal = await new PortalBrowser(app).SignInWithCookieAsync(second.Email, SurveyApplication.Password))
            await UntilTheLineIsFullAsync(portal, consultation);

        var refused = await second.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "turned away" }]);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("nothing was saved", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);

        release.SetResult();
        (await held).EnsureSuccessStatusCode();
        var (kept, _) = await first.Client.ReadSubmissionAsync(consultation);
        Assert.Equal("held", kept.Answers[0].Text);
        await (await second.Client.GetAsync(SubmissionCalls.Path(consultation))).AssertProblemAsync(HttpStatusCode.NotFound);
        (await second.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "again" }])).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ThePortalsAnswerPagesWaitInTheSameLineAndBeyondItArePagesInTheReadersLanguage()
    {
        await using var app = new SurveyApplication();
        app.Settings["Submissions:MaxConcurrent"] = "1";
        app.Settings["Submissions:QueueLimit"] = "0";
        var consultation = await app.CreateConsultationAsync();
        var q = await app.QuestionIdsAsync(consultation);
        var first = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var second = await app.AsRespondentAsync(RespondentCategory.Academia);
        using var portal = await new PortalBrowser(app).SignInWithCookieAsync(second.Email, SurveyApplication.Password);

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { answers = new[] { new { questionId = q["1a"], text = "held" } } });
        var held = first.Client.PutAsync(SubmissionCalls.Path(consultation), new HeldContent(body, started, release.Task) { Headers = { ContentType = new("application/json") } });
        await started.Task;
        await UntilTheLineIsFullAsync(portal, consultation);

        var refused = await portal.GetAsync($"/consultations/{consultation}?culture=fr");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Le service est très sollicité", await refused.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);

        release.SetResult();
        (await held).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync($"/consultations/{consultation}")).StatusCode);
    }

    /// <summary>
    /// Until the held save has taken the only place: the client has sent its first bytes, but when the
    /// service reaches the line depends on the machine, so the portal's answer page, which waits in the
    /// same line and only reads, is asked until it is turned away.
    /// </summary>
    private static async Task UntilTheLineIsFullAsync(HttpClient portal, Guid consultation)
    {
        var waited = Stopwatch.StartNew();
        while ((await portal.GetAsync($"/consultations/{consultation}")).StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The held save never took the only place in the line.");
            await Task.Delay(20);
        }
    }

    /// <summary>Sends the first bytes of the body, then the rest once released.</summary>
    private sealed class HeldContent(byte[] body, TaskCompletionSource started, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, 10));
            await stream.FlushAsync();
            started.TrySetResult();
            await release;
            await stream.WriteAsync(body.AsMemory(10));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
