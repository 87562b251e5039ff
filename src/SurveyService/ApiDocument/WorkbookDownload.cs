using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SurveyService.ApiDocument;

/// <summary>The workbook as a binary .xlsx, and its tier as the tier enum.</summary>
internal static class WorkbookDownload
{
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The workbook.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Analysis.AnalysisEndpoints.XlsxType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            },
        };
        if (operation.Parameters?.FirstOrDefault(p => p.Name == "tier") is OpenApiParameter tier)
        {
            tier.Description = "One tier's workbook, holding nothing from the other tiers; the whole workbook without it.";
            tier.Schema = new OpenApiSchemaReference(nameof(QuestionTier), context.Document);
        }
        return Task.CompletedTask;
    }
}
