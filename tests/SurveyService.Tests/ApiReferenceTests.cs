using System.Text.RegularExpressions;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>docs/api.md is the reference a client is written against: its /api routes and the served OpenAPI document's operations are the same.</summary>
public sealed partial class ApiReferenceTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Fact]
    public async Task TheReferenceListsEveryOperationOfTheOpenApiDocumentAndNoOther()
    {
        var document = await (await app.CreateHttpsClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var served = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Where(operation => operation.Contains(" /api/", StringComparison.Ordinal))
            .Order().ToArray();

        var reference = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "api.md"));
        var documented = Route().Matches(reference).Select(m => $"{m.Groups["method"].Value} {m.Groups["route"].Value}")
            .Where(operation => operation.Contains(" /api/", StringComparison.Ordinal))
            .Distinct().Order().ToArray();

        Assert.Equal(served, documented);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SurveyService.sln")))
                return directory.FullName;
        throw new InvalidOperationException("The repository root (with SurveyService.sln) is not above the test's folder.");
    }

    [GeneratedRegex(@"^\| (?<method>GET|POST|PUT|PATCH|DELETE) `(?<route>/[^`]+)`", RegexOptions.Multiline)]
    private static partial Regex Route();
}
