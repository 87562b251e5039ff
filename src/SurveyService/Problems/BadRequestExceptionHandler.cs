using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace SurveyService.Problems;

/// <summary>
/// Turns request bodies that cannot be read (malformed JSON, an unknown enum name, a number where
/// text belongs, an oversized body, a form with a NUL) into problem+json naming the field and what
/// it expects, instead of a 500 or an empty 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is InvalidDataException && context.Request.HasFormContentType)
            return await UnreadableFormAsync(context, exception);
        if (exception is not BadHttpRequestException bad)
            return false;

        context.Response.StatusCode = bad.StatusCode;
        var problem = new HttpValidationProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request body could not be read.",
            Detail = bad.Message,
        };
        if (FindJsonException(bad) is { } json)
        {
            // A syntax error (the reader's own exception type) concerns the body, wherever it stopped.
            var syntax = json.GetType().Name == "JsonReaderException" || json.InnerException?.GetType().Name == "JsonReaderException";
            var field = syntax || string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            // The middleware has cleared the endpoint by now; the feature remembers it.
            var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
            var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var message = field == "body" ? "The body is not well-formed JSON: " + json.Message.Split(" Path:")[0]
                : NotUnicode(json) ? "The text is not valid Unicode: an escape of half a surrogate pair (\\uD800 to \\uDFFF) without "
                    + "the other half, or bytes that are not UTF-8, cannot be stored as text."
                : Expectation(requestType is null ? null : JsonFieldType.Find(requestType, field));
            problem.Detail = $"{(field == "body" ? "" : $"'{field}': ")}{message}";
            problem.Errors[field] = [message];
        }
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The form reader refuses a NUL (%00) anywhere in a form, and forms past its limits. Only the
    /// token endpoint's form reaches here (the sign-in page answers with its own page): its clients
    /// read OAuth's error fields, so the problem carries them too.
    /// </summary>
    private async Task<bool> UnreadableFormAsync(HttpContext context, Exception exception)
    {
        var detail = exception.InnerException is InvalidOperationException
            ? "A form value contains a NUL character (%00), which no field accepts; remove it."
            : $"The form could not be read: {exception.Message}";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The form could not be read.", Detail = detail };
        problem.Extensions["error"] = "invalid_request";
        problem.Extensions["error_description"] = detail;
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is JsonException json)
                return json;
        return null;
    }

    /// <summary>
    /// A string the reader refused for its content, not its type. Told by the reader's message (its
    /// only sign; .NET ships these messages in English only): a type mismatch fails the same way.
    /// </summary>
    private static bool NotUnicode(JsonException json) =>
        json.InnerException is InvalidOperationException { Message: var message } && message.Contains("UTF-", StringComparison.Ordinal);

    private static string Expectation(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "The value is malformed or of the wrong type.",
            { IsEnum: true } => $"Expected one of: {string.Join(", ", Enum.GetNames(type))}.",
            _ when type == typeof(string) => "Expected text (a JSON string).",
            _ when type == typeof(bool) => "Expected true or false.",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "Expected an instant with its offset, e.g. 2027-01-15T17:00:00Z.",
            _ when type == typeof(Guid) => "Expected an identifier (a GUID).",
            _ when type == typeof(int) || type == typeof(long) => "Expected a whole number.",
            _ when type.IsPrimitive || type == typeof(decimal) => "Expected a number.",
            _ when type.IsArray || type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "Expected a list (a JSON array).",
            _ => "Expected an object.",
        };
    }
}

/// <summary>Follows a JSON path such as "weights.Martian" or "answers[2].value" through a request type.</summary>
internal static class JsonFieldType
{
    public static Type? Find(Type root, string path)
    {
        var type = root;
        foreach (var raw in path.Split('.'))
        {
            var segment = raw.Split('[')[0];
            if (Dictionary(type) is { } dictionary)
            {
                // A key that is not a valid enum name is the error itself.
                if (dictionary.Key.IsEnum && !Enum.TryParse(dictionary.Key, segment, out _))
                    return dictionary.Key;
                type = dictionary.Value;
                continue;
            }
            var property = type.GetProperties().FirstOrDefault(p => p.Name.Equals(segment, StringComparison.OrdinalIgnoreCase));
            if (property is null)
                return null;
            type = raw.Contains('[') ? Element(property.PropertyType) ?? property.PropertyType : property.PropertyType;
        }
        return type;
    }

    private static (Type Key, Type Value)? Dictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)
            ? (type.GenericTypeArguments[0], type.GenericTypeArguments[1])
            : null;

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GenericTypeArguments[0] : null;
}
