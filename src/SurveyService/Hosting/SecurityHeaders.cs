namespace SurveyService.Hosting;

/// <summary>
/// Headers every browser should get: no content sniffing, no referrer leaking a consultation's
/// address, and on HTML no framing by another site. The service's own pages (the sign-in page)
/// also get a strict Content-Security-Policy; the reference page and the jobs dashboard bring
/// scripts of their own and get only the framing rule.
/// </summary>
internal static class SecurityHeaders
{
    public const string OwnPages = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ThirdPartyPages = "frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    var thirdParty = context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/hangfire");
                    headers.ContentSecurityPolicy = thirdParty ? ThirdPartyPages : OwnPages;
                    headers.XFrameOptions = "DENY";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
