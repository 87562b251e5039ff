using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SurveyService.Submissions;

internal sealed class SubmissionLimitsOptions
{
    public const string Section = "Submissions";

    /// <summary>Submission requests handled at once; the rest wait in line, oldest first.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrent { get; set; } = 32;

    /// <summary>Submission requests that may wait in line; past that, 503 with Retry-After.</summary>
    [Range(0, 1_000_000)]
    public int QueueLimit { get; set; } = 10_000;
}

/// <summary>
/// A deadline rush sends thousands of saves and submits in the same second. Letting them all at
/// the database at once gains nothing (SQLite has one writer; a PostgreSQL or SQL Server pool has
/// a hundred connections, and a request that waits there past the pool's timeout fails and is
/// retried); in line they wait in the order they came, without a timeout of their own.
/// </summary>
internal sealed class SubmissionLimits(IOptions<SubmissionLimitsOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "submissions";
    private const int RetryAfterSeconds = 5;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        // The portal's pages answer with the status alone: the status code pages make it a page in the reader's language.
        if (Portal.PortalSetup.IsPortal(context.HttpContext))
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        await TypedResults.Problem($"Too many respondents are saving at this moment; nothing was saved. Try again in {RetryAfterSeconds} seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The service is busy.")
            .ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(Policy, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrent,
            QueueLimit = options.Value.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
}
