using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SurveyService.ApiDocument;

/// <summary>
/// Instants are read by the service's own converter (which insists on an offset), so the schema
/// generator no longer knows their type: they are date-time strings, nullable where the field is.
/// </summary>
internal static class InstantSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset?) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = "date-time";
        }
        return Task.CompletedTask;
    }
}
