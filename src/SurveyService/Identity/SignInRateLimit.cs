using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SurveyService.Identity;

/// <summary>
/// Token, sign-in and registration requests per client address and window, against floods. Wrong
/// passwords are limited per account by the lockout. Each door hears the refusal in its own
/// language: OAuth's error format at the token endpoint, a page in the person's language at the portal's pages, problem+json
/// elsewhere, always with Retry-After.
/// </summary>
internal static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Read per request, so the options are the host's own as configured, not a copy taken at registration.
            options.AddPolicy(Policy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimitsOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0 });
            });
            options.OnRejected = RefuseAsync;
        });

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimitsOptions>>().Value;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(limits.WindowSeconds);
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString();
        var message = $"Too many sign-in requests from this address; try again in {seconds} seconds.";

        if (context.Request.Path.StartsWithSegments("/connect"))
            await TypedResults.Json(new Dictionary<string, string> { ["error"] = "temporarily_unavailable", ["error_description"] = message },
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
        else if (Portal.PortalSetup.IsPortal(context))
            return; // The portal's error page says it in the person's language, with the wait.
        else
            await TypedResults.Problem(message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.").ExecuteAsync(context);
    }
}
