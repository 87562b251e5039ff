using System.Text;
using SurveyService.Accounts.Import;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>EntityImport:MaxBodyBytes and EntityImport:MaxRows, set small here.</summary>
public sealed class EntityImportLimitTests : IClassFixture<EntityImportLimitTests.SmallLimits>
{
    public sealed class SmallLimits : SurveyApplication
    {
        public SmallLimits()
        {
            Settings["EntityImport:MaxBodyBytes"] = "2048";
            Settings["EntityImport:MaxRows"] = "3";
        }
    }

    private readonly SmallLimits app;

    public EntityImportLimitTests(SmallLimits app) => this.app = app;

    private static string Rows(int count, string prefix) =>
        "name,category\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix} {i},Academia\n"));

    [Fact]
    public async Task AFileOverTheSizeLimitIsTooLargeWithOrWithoutADeclaredLength()
    {
        var secretariat = await app.AsSecretariatAsync();
        var body = Encoding.UTF8.GetBytes("name,category\n" + new string('x', 3000) + ",Academia\n");

        var declared = await (await secretariat.ImportAsync(body, ImportCalls.CsvType)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2048 bytes", declared.GetProperty("detail").GetString());

        using var chunked = new UnknownLength(body) { Headers = { ContentType = new("text/csv") } };
        await (await secretariat.PostAsync(ImportCalls.Path, chunked)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var justUnder = Encoding.UTF8.GetBytes("name,category\n" + new string('y', 200) + ",Academia\n");
        (await secretariat.ImportAsync(justUnder, ImportCalls.CsvType, dryRun: true)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task AFileWithMoreRowsThanTheLimitIsReportedInADryRunAndNotImported()
    {
        var secretariat = await app.AsSecretariatAsync();
        var entities = await app.EntityCountAsync();

        var report = await (await secretariat.ImportCsvAsync(Rows(4, "Over"), dryRun: true)).ReadAsAsync<EntityImportCheckResponse>();
        var tooMany = Assert.Single(report.Problems);
        Assert.Equal((5, null), (tooMany.Row, tooMany.Column));
        Assert.Contains("more than 3 entities", tooMany.Message);
        Assert.Equal(3, report.Rows);

        var refused = await (await secretariat.ImportCsvAsync(Rows(4, "Over"))).AssertValidationErrorAsync("file");
        Assert.Equal(5, Assert.Single(refused.Problems()).Row);
        Assert.Equal(entities, await app.EntityCountAsync());

        var imported = await (await secretariat.ImportCsvAsync(Rows(3, "Within"))).ReadAsAsync<EntityImportResponse>(HttpStatusCode.Created);
        Assert.Equal(3, imported.EntityIds.Length);
        Assert.Equal(entities + 3, await app.EntityCountAsync());
    }

    /// <summary>A body sent chunked, without Content-Length, so that only reading it finds its size.</summary>
    private sealed class UnknownLength(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
