using System.Text.Json;
using System.Text.Json.Nodes;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// The OpenAPI document as integrators meet it. The served document is the checked-in
/// docs/openapi.json, so every change to the surface shows in review (CI lints that copy);
/// regenerate it with SURVEY_UPDATE_OPENAPI=1 and this test.
/// </summary>
public sealed class ApiDocumentTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private async Task<JsonNode> ServedAsync() =>
        JsonNode.Parse(await (await app.CreateHttpsClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;

    [Fact]
    public async Task TheServedDocumentIsTheCheckedInOne()
    {
        var served = await ServedAsync();
        var file = Path.Combine(ApiReferenceTests.RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("SURVEY_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(file, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(file));
        Assert.True(JsonNode.DeepEquals(served, checkedIn),
            "The API's surface changed: review the change, then regenerate docs/openapi.json with SURVEY_UPDATE_OPENAPI=1 dotnet test --filter ApiDocumentTests.");
    }

    [Fact]
    public async Task EveryOperationIsNamedSummarisedAndSecuredWithItsProblemsDeclared()
    {
        var document = await ServedAsync();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var at = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrEmpty((string?)operation!["operationId"]), $"{at} has no operationId.");
                Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), $"{at} has no summary.");
                Assert.True(operation["security"] is JsonArray, $"{at} does not say who may call it.");
                var responses = operation["responses"]!.AsObject();
                Assert.Contains(responses, r => r.Key.StartsWith('2') && (r.Value!["content"] is not null || r.Key == "204"));
                if (operation["security"]!.AsArray().Count > 0)
                    Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), $"{at} does not declare 401 and 403.");
            }
        }
    }

    [Fact]
    public async Task SubmissionsDeclareTheirVersionsAndClosingAnswersAccepted()
    {
        var paths = (await ServedAsync())["paths"]!;
        var save = paths["/api/consultations/{id}/submission"]!["put"]!;
        Assert.Contains(save["parameters"]!.AsArray(), p => (string?)p!["name"] == "If-Match" && (string?)p["in"] == "header");
        Assert.NotNull(save["responses"]!["200"]!["headers"]!["ETag"]);
        foreach (var status in new[] { "400", "404", "409", "412", "428" })
            Assert.NotNull(save["responses"]![status]);
        Assert.NotNull(paths["/api/consultations/{id}/submission"]!["patch"]);
        Assert.NotNull(paths["/api/consultations/{id}/close"]!["post"]!["responses"]!["202"]);
        Assert.NotNull(paths["/api/consultations/{id}/analysis"]!["post"]!["responses"]!["202"]);
        var workbook = paths["/api/consultations/{id}/analysis/workbook"]!["get"]!;
        Assert.Equal("binary", (string?)workbook["responses"]!["200"]!["content"]!["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]!["schema"]!["format"]);
    }

    [Fact]
    public async Task OptionalFieldsAreOptionalAndEnumsHoldOnlyTheirNames()
    {
        var schemas = (await ServedAsync())["components"]!["schemas"]!;
        Assert.Null(schemas["UpdateConsultationRequest"]!["required"]);
        Assert.Equal(["questionId"], schemas["AnswerInput"]!["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["closesAt", "opensAt", "title"], schemas["CreateConsultationRequest"]!["required"]!.AsArray().Select(n => (string?)n).Order());
        foreach (var name in new[] { "RespondentCategory", "StaffRole", "QuestionTier", "QuestionType", "ConsultationStatus", "AnalysisStatus" })
        {
            Assert.Equal("string", (string?)schemas[name]!["type"]);
            Assert.DoesNotContain(schemas[name]!["enum"]!.AsArray(), value => value is null);
        }
    }
}
