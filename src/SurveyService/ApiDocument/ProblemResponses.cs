using Microsoft.OpenApi;

namespace SurveyService.ApiDocument;

internal static class ProblemResponses
{
    /// <summary>A problem+json response for the status, unless the operation already declares it.</summary>
    public static void Add(OpenApiOperation operation, OpenApiDocument? document, int status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
            return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        };
    }
}
