using Microsoft.Extensions.Options;
using SurveyService.ApiDocument;

namespace SurveyService.Accounts.Import;

/// <summary>POST /api/entities/import: the API's door to <see cref="ImportEntities"/>.</summary>
internal static class EntityImportEndpoint
{
    public static IServiceCollection AddEntityImport(this IServiceCollection services)
    {
        services.AddOptions<EntityImportOptions>().BindConfiguration(EntityImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<ImportEntities>();
    }

    /// <summary>On the entities' group, which requires the Secretariat.</summary>
    public static RouteGroupBuilder MapEntityImport(this RouteGroupBuilder entities)
    {
        entities.MapPost("/import", Import).WithName("ImportEntities")
            .WithSummary("Import entities with their focal points from a CSV or .xlsx file: all of it, or nothing.")
            .Produces<EntityImportCheckResponse>(StatusCodes.Status200OK)
            .Produces<EntityImportResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(EntityImportUpload.Describe);
        return entities;
    }

    private static async Task<Results<Ok<EntityImportCheckResponse>, Created<EntityImportResponse>, ProblemHttpResult>> Import(
        HttpRequest request, ImportEntities importing, IOptions<EntityImportOptions> options, bool dryRun = false)
    {
        var upload = await ImportUpload.ReadAsync(request, options.Value.MaxBodyBytes);
        if (upload is not ImportUpload.File(var file))
            return Refused(upload);
        return await importing.ImportAsync(file, dryRun) switch
        {
            ImportOutcome.Checked(var counts, var problems) => TypedResults.Ok(
                new EntityImportCheckResponse(true, counts.Rows, counts.Entities, counts.FocalPoints, [.. problems.Select(ToResponse)])),
            ImportOutcome.Imported(var counts, var ids) => TypedResults.Created((string?)null,
                new EntityImportResponse(false, counts.Rows, counts.Entities, counts.FocalPoints, [.. ids])),
            ImportOutcome.Refused(_, var problems) => WithProblems(problems,
                $"The file has {Count(problems.Count, "problem")} in {Count(problems.Select(p => p.Row).Distinct().Count(), "row")}; "
                + "nothing was imported. Correct them and send the file again: problems lists each with its row and column."),
            ImportOutcome.Unreadable(var why) => WithProblems([why], ImportProblemText.Of(why) + " Nothing was imported."),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }

    private static ProblemHttpResult Refused(ImportUpload upload) => upload switch
    {
        ImportUpload.TooLarge(var limit) => TypedResults.Problem($"The file is larger than {limit} bytes, the most an import accepts; "
            + "split the list into smaller files.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large."),
        ImportUpload.Unsupported(var type, var name) => TypedResults.Problem(
            $"{(name is null ? $"A body of type '{type ?? "(none)"}'" : $"The file '{name}' ({type ?? "no type"})")} is neither CSV nor .xlsx. "
            + $"Send the list as CSV (Content-Type: {ImportFormats.CsvType}) or as an Excel workbook (Content-Type: {ImportFormats.XlsxType}), "
            + $"or as a form with the file in a field named '{ImportUpload.FileField}'. An older .xls workbook must be saved as .xlsx first.",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type."),
        ImportUpload.NoFile => WithProblems([new ImportProblem.NoFile(ImportUpload.FileField)],
            ImportProblemText.Of(new ImportProblem.NoFile(ImportUpload.FileField))),
        ImportUpload.BrokenForm(var reason) => Problems.Problem.Invalid(ImportUpload.FileField, $"The form could not be read: {reason}."),
        _ => throw new InvalidOperationException($"Unknown upload {upload}."),
    };

    /// <summary>400 as every validation problem (errors by field, here the file), with the problems listed row by row besides.</summary>
    private static ProblemHttpResult WithProblems(IReadOnlyList<ImportProblem> problems, string detail)
    {
        var listed = problems.Select(ToResponse).ToArray();
        var details = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [ImportUpload.FileField] = [.. problems.Zip(listed, (problem, item) => problem.IsFileProblem || item.Row is null
                ? item.Message
                : $"Row {item.Row}{(item.Column is null ? "" : $", {item.Column}")}: {item.Message}")],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = detail,
        };
        details.Extensions["problems"] = listed;
        return TypedResults.Problem(details);
    }

    private static EntityImportProblem ToResponse(ImportProblem problem) => new(problem.Row, problem.Column, ImportProblemText.Of(problem));

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
