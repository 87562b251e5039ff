using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Requests Kestrel itself refuses, sent as raw bytes to the service on a real Kestrel (the test
/// host parses no HTTP, so it cannot produce these refusals).
/// </summary>
public sealed class KestrelRefusalTests : IAsyncLifetime
{
    private const int BodyLimit = 1000;
    private readonly SurveyApplication _app = new();
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        // The limit as an operator sets it, in configuration: Kestrel must honour it too.
        _app.Settings["Kestrel:Limits:MaxRequestBodySize"] = BodyLimit.ToString();
        _app.UseKestrel(0);
        _app.StartServer();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Sends the bytes on a connection of their own and reads the whole answer (each request asks to close it).</summary>
    private async Task<(int Status, string Head, string Body)> SendAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await new StreamReader(stream).ReadToEndAsync(timeout.Token);
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = answer[..end];
        var body = answer[(end + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            body = Unchunk(body);
        return (int.Parse(head.Split(' ')[1]), head, body);
    }

    private static string Unchunk(string chunked)
    {
        var body = new StringBuilder();
        for (var at = 0; ;)
        {
            var line = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..line], 16);
            if (size == 0)
                return body.ToString();
            body.Append(chunked, line + 2, size);
            at = line + 2 + size + 2;
        }
    }

    private static string Post(string path, string headers, string body) =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n{headers}\r\n{body}";

    private static JsonElement Problem((int Status, string Head, string Body) answer, int status)
    {
        Assert.True(answer.Status == status, $"Expected {status}, got {answer.Head}\n{answer.Body}");
        Assert.Contains("Content-Type: application/problem+json", answer.Head);
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"No detail: {answer.Body}");
        return problem;
    }

    [Fact]
    public async Task ABodyWhoseChunkedEncodingIsBrokenIsAProblemSayingWhatIsWrong()
    {
        var answer = await SendAsync(Post("/api/registrations", "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n"));

        Assert.Contains("chunked", Problem(answer, 400).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABodyWithoutALengthThatOutgrowsTheLimitIsAProblemNamingTheLimit()
    {
        var json = $"{{\"displayName\":\"{new string('a', 2 * BodyLimit)}\"}}";

        var answer = await SendAsync(Post("/api/registrations", "Transfer-Encoding: chunked\r\n", $"{json.Length:x}\r\n{json}\r\n0\r\n\r\n"));

        Assert.Contains($"at most {BodyLimit} bytes", Problem(answer, 413).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABodyLongerThanTheLimitByItsDeclaredLengthIsAProblemNamingTheLimit()
    {
        var json = $"{{\"displayName\":\"{new string('a', 2 * BodyLimit)}\"}}";

        var answer = await SendAsync(Post("/api/registrations", $"Content-Length: {json.Length}\r\n", json));

        Assert.Contains($"at most {BodyLimit} are accepted", Problem(answer, 413).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NoRouteTheWrongMethodAndTheWrongBodyTypeEachSayWhatToDo()
    {
        Assert.Contains("/api/no-such-thing",
            Problem(await SendAsync("GET /api/no-such-thing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404).GetProperty("detail").GetString());
        Assert.Contains("it takes POST",
            Problem(await SendAsync("DELETE /api/registrations HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405).GetProperty("detail").GetString());
        Assert.Contains("Content-Type: application/json", Problem(await SendAsync(
            "POST /api/registrations HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\nx"), 415)
            .GetProperty("detail").GetString());
    }

    /// <summary>
    /// Kestrel refuses these while it parses the request line and headers, before any middleware
    /// runs, and writes the status with an empty body itself: ASP.NET Core (10) has no hook for that
    /// answer, so no problem+json can be given (docs/api.md says so). This test documents the limit,
    /// and fails if a later Kestrel starts writing a body, or the limits stop applying.
    /// </summary>
    [Theory]
    [InlineData("request line too long", 414)]
    [InlineData("headers too large", 431)]
    [InlineData("no request line", 400)]
    [InlineData("a header without a colon", 400)]
    [InlineData("no Host header", 400)]
    public async Task WhatKestrelRefusesBeforeTheServiceSeesItHasNoBody(string what, int status)
    {
        var request = what switch
        {
            "request line too long" => $"GET /{new string('a', 10_000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "headers too large" => $"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: {new string('a', 40_000)}\r\n\r\n",
            "no request line" => "GARBAGE\r\n\r\n",
            "a header without a colon" => "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nBad Header\r\n\r\n",
            _ => "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
        };

        var answer = await SendAsync(request);

        Assert.Equal(status, answer.Status);
        Assert.Contains("Content-Length: 0", answer.Head);
        Assert.Empty(answer.Body);
    }
}
