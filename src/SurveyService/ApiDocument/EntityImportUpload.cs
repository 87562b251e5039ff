using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SurveyService.Accounts.Import;

namespace SurveyService.ApiDocument;

/// <summary>
/// The import's body is the file itself, read by the endpoint (not bound by the framework, whose
/// own 415 would speak of JSON): CSV, .xlsx, or a form with the file in its field named "file".
/// </summary>
internal static class EntityImportUpload
{
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Description = "The list has a header row naming its columns in any order: name, category (MemberState, SectorMember, "
            + "Associate, Academia, Stakeholder; \"Member State\" will do), and optionally countryCode (ISO 3166-1 alpha-2) and emails "
            + "(focal points' addresses, separated by semicolons, commas or spaces). Each row is one entity; each address becomes a focal "
            + "point account without a password, which cannot sign in until one is set. A dry run reports every problem by row and "
            + "column and writes nothing; otherwise the file is imported whole, in one transaction, or not at all (400 with the same "
            + "problems)." + (operation.Description is null ? "" : "\n\n" + operation.Description);
        var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The list: CSV (UTF-8, commas or semicolons), the first worksheet of an .xlsx workbook, or a form with either in its field named 'file'.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ImportFormats.CsvType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                [ImportFormats.XlsxType] = new() { Schema = binary },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { ImportUpload.FileField },
                        Properties = new Dictionary<string, IOpenApiSchema> { [ImportUpload.FileField] = binary },
                    },
                },
            },
        };
        if (operation.Parameters?.FirstOrDefault(p => p.Name == "dryRun") is OpenApiParameter dryRun)
            dryRun.Description = "Check the file only: 200 with every problem, nothing written.";
        Describe(operation, "200", "A dry run: the file's problems by row and column (none when it can be imported), and the counts.");
        Describe(operation, "201", "Imported: every entity and focal point, in one transaction; the entities' ids in the file's order.");
        Describe(operation, "400", "The file has problems (listed in problems: row, column, message) or cannot be read; nothing was imported.");
        Describe(operation, "413", "The file is larger than EntityImport:MaxBodyBytes.");
        Describe(operation, "415", "The file is neither CSV nor .xlsx.");
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse known)
            known.Description = description;
    }
}
