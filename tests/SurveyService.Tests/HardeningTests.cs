using Microsoft.AspNetCore.Mvc.Testing;
using SurveyService.Analysis;
using SurveyService.Consultations;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>What a hostile or a clumsy user found, each now answered as it should be.</summary>
public sealed class HardeningTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Fact]
    public async Task AScaleWithBoundsNearTheIntegerLimitsIsRefusedNotOverflowed()
    {
        var secretariat = await app.AsSecretariatAsync();
        var draft = await (await secretariat.PostAsJsonAsync("/api/consultations", app.Draft())).ReadAsAsync<ConsultationResponse>(HttpStatusCode.Created);

        await (await secretariat.PostAsJsonAsync($"/api/consultations/{draft.Id}/questions",
            new { code = "s", text = "Scale?", tier = "Open", type = "Scale", scaleMin = int.MinValue, scaleMax = 0 }))
            .AssertValidationErrorAsync("scaleMax");
        await (await secretariat.PostAsJsonAsync($"/api/consultations/{draft.Id}/questions",
            new { code = "s", text = "Scale?", tier = "Open", type = "Scale", scaleMin = int.MinValue, scaleMax = int.MaxValue }))
            .AssertValidationErrorAsync("scaleMax");
    }

    [Fact]
    public async Task AControlCharacterInTheReturnAddressSendsThePersonHomeNotToAnError()
    {
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var page = await browser.GetStringAsync("/account/login");
        var token = HtmlForms.Hidden(page, "__RequestVerificationToken");

        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = SurveyApplication.SecretariatEmail, ["password"] = SurveyApplication.Password,
            ["returnUrl"] = "/\u0001evil", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DiscoveryAdvertisesPkceWithS256Only()
    {
        var discovery = await (await app.CreateHttpsClient().GetAsync("/.well-known/openid-configuration")).ReadJsonAsync();

        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task APageFarPastTheEndIsEmptyNotTheFirstPageAgain()
    {
        var closed = await app.CloseWithAnswersAsync();
        var analyst = await app.AsAnalystAsync();

        var far = await (await analyst.GetAsync($"/api/consultations/{closed.Id}/answers?page={int.MaxValue}&pageSize=500")).ReadAsAsync<AnswerPage>();

        Assert.Equal(1, far.Total);
        Assert.Empty(far.Items);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("+2")]
    [InlineData("00000002")]
    [InlineData("MemberStates,Membership")]
    [InlineData("membership")]
    public async Task OnlyATiersExactNameChoosesAWorkbook(string tier)
    {
        var id = await app.CreateConsultationAsync();
        await (await (await app.AsSecretariatAsync()).PostAsync($"/api/consultations/{id}/close", null)).ReadJsonAsync(HttpStatusCode.Accepted);
        var analyst = await app.AsAnalystAsync();

        await (await analyst.GetAsync($"/api/consultations/{id}/analysis/workbook?tier={Uri.EscapeDataString(tier)}")).AssertValidationErrorAsync("tier");
    }

    [Fact]
    public async Task ResponsesCarrySecurityHeadersAndPagesCannotBeFramed()
    {
        using var client = app.CreateHttpsClient();
        var api = await client.GetAsync("/api/consultations");
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", api.Headers.GetValues("Referrer-Policy").Single());

        var page = await client.GetAsync("/account/login");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("default-src 'self'", policy);
    }
}

public sealed class ApiDocumentInProductionTests
{
    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task TheDocumentIsServedInProductionOnlyWhenTheOperatorSaysSo(string? enabled, HttpStatusCode expected)
    {
        await using var app = new SurveyApplication { Environment = "Production" };
        if (enabled is not null)
            app.Settings["ApiDocument:Enabled"] = enabled;

        Assert.Equal(expected, (await app.CreateHttpsClient().GetAsync("/openapi/v1.json")).StatusCode);
    }
}

public sealed class WorkbookTextTests
{
    /// <summary>
    /// Excel and LibreOffice decode "_xHHHH_" in a cell, so a typed one is written escaped, once
    /// ("_x005F_x0041_" shows as "_x0041_"; escaped twice it showed "_x005F_x0041_"). ClosedXML,
    /// openpyxl and ExcelJS do not decode it, so the written XML is what is checked here.
    /// </summary>
    [Fact]
    public async Task AnAnswerIsWrittenSoThatExcelShowsItExactlyAsTyped()
    {
        await using var app = new SurveyApplication();
        const string typed = "first line\rsecond _x0041_ stays as typed";
        var closed = await app.CloseWithAnswersAsync(answers: (q, _) => [new { questionId = q["3a"], text = typed }]);
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(closed.Id);

        var (workbook, bytes) = await analyst.DownloadWorkbookAsync(closed.Id);
        using var _ = workbook;
        using var package = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sheets = package.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()).ToArray();

        Assert.Contains(sheets, xml => xml.Contains("first line&#xD;second _x005F_x0041_ stays as typed", StringComparison.Ordinal));
        Assert.DoesNotContain(sheets, xml => xml.Contains("_x005F_x005F_", StringComparison.Ordinal));
        Assert.Contains(workbook.Worksheet("Responses").CellsUsed(), cell => cell.GetString().StartsWith("first line\rsecond", StringComparison.Ordinal));
    }
}
