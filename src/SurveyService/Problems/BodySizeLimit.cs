namespace SurveyService.Problems;

/// <summary>
/// Refuses a declared body larger than Kestrel:Limits:MaxRequestBodySize with 413 problem+json
/// before anything reads it. Kestrel enforces the same key (bound in Program) on bodies without a
/// length as they are read; this makes the answer the same behind any server, the test host included.
/// </summary>
internal static class BodySizeLimit
{
    public const long Default = 4 * 1024 * 1024;

    public static IApplicationBuilder UseBodySizeLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetValue<long?>("Kestrel:Limits:MaxRequestBodySize") ?? Default;
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                await TypedResults.Problem($"The request body has {context.Request.ContentLength} bytes; at most {limit} are accepted.",
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }
}
