using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace SurveyService.Problems;

internal static class ProblemsSetup
{
    public static IServiceCollection AddSurveyProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Malformed bodies reach BadRequestExceptionHandler in every environment, so the answer is
        // a problem with the field that failed rather than an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
