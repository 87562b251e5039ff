using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SurveyService.ApiDocument;

/// <summary>The submission's optimistic concurrency in the document: If-Match on writes, ETag on every answer that shows or changes it.</summary>
internal static class VersionHeaders
{
    public static Task ETag(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The submission's version, quoted (\"3\"): send it back in If-Match with the next save.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
        return Task.CompletedTask;
    }

    public static async Task IfMatchAndETag(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "The ETag of the version being changed (\"3\"), or * for any; required once the submission exists.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        await ETag(operation, context, cancellationToken);
    }
}
