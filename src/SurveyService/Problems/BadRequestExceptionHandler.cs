using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace SurveyService.Problems;

/// <summary>
/// Turns request bodies that cannot be read (malformed JSON, an unknown enum name, a number where
/// text belongs, an oversized body) into problem+json naming the field, instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;

        context.Response.StatusCode = bad.StatusCode;
        var problem = new HttpValidationProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request body could not be read.",
        };
        if (FindJsonException(bad) is { } json)
        {
            var field = FieldName(json.Path);
            problem.Detail = $"The value at '{field}' is not valid: {Explain(json)}";
            problem.Errors[field] = [Explain(json)];
        }
        else
        {
            problem.Detail = bad.Message;
        }
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is JsonException json)
                return json;
        return null;
    }

    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static readonly Type[] Enums = [typeof(RespondentCategory), typeof(QuestionTier), typeof(QuestionType), typeof(StaffRole)];

    private static string Explain(JsonException json)
    {
        if (Enums.FirstOrDefault(type => json.Message.Contains(type.FullName!, StringComparison.Ordinal)) is { } type)
            return $"expected one of {string.Join(", ", Enum.GetNames(type))}.";
        if (json.Path is null or "$")
            return "the body is not well-formed JSON (" + json.Message.Split(" Path:")[0].TrimEnd('.') + ").";
        return "it is malformed or of the wrong type (" + json.Message.Split(" Path:")[0].Replace("System.", "").TrimEnd('.') + ").";
    }
}
