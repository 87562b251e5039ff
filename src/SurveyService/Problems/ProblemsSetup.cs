using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;

namespace SurveyService.Problems;

internal static class ProblemsSetup
{
    public static IServiceCollection AddSurveyProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            context.ProblemDetails.Detail ??= StatusDetail(context.HttpContext);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new InstantConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Malformed bodies reach BadRequestExceptionHandler in every environment, so the answer is
        // a problem with the field that failed rather than an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// What the framework's own refusals (no route, wrong method, wrong body type, a body Kestrel
    /// could not read) mean to a person. A body that cannot be read reaches no handler of ours: the
    /// endpoint's binding sets the status Kestrel chose, and the status code page writes this problem.
    /// </summary>
    private static string? StatusDetail(HttpContext context)
    {
        var (method, path) = (context.Request.Method, context.Request.Path);
        return context.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest when context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true =>
                "The request body could not be read: it ended before its declared length, or its chunked transfer encoding is malformed. "
                + "Send it again whole.",
            StatusCodes.Status413PayloadTooLarge => "The request body is too large"
                + (context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit ? $"; at most {limit} bytes are accepted." : "."),
            StatusCodes.Status404NotFound => $"Nothing answers {method} {path}; see /openapi/v1.json for the routes.",
            StatusCodes.Status405MethodNotAllowed => $"{method} is not allowed at {path}"
                + (context.Response.Headers.Allow.Count > 0 ? $"; it takes {context.Response.Headers.Allow}." : "."),
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with the header Content-Type: application/json.",
            _ => null,
        };
    }
}
