using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SurveyService.ApiDocument;

/// <summary>
/// An enum is a string with its names and nothing else. Where a field is nullable, the field says
/// so (a oneOf with null); the enum itself never lists null, which strict validators reject.
/// </summary>
internal static class EnumSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } values)
        {
            schema.Enum = [.. values.Where(value => value is not null).Select(value => value!.DeepClone())];
            schema.Type = JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }
}
