using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace SurveyService.Portal;

internal static class PortalSetup
{
    public const string CultureQueryKey = "culture";

    /// <summary>Paths that belong to the machine doors; everything else is the portal and answers with pages.</summary>
    private static readonly PathString[] MachinePaths = ["/api", "/connect", "/.well-known", "/openapi", "/scalar", "/hangfire", "/health"];

    public static bool IsPortal(HttpContext context) => !MachinePaths.Any(p => context.Request.Path.StartsWithSegments(p));

    public static IServiceCollection AddSurveyPortal(this IServiceCollection services)
    {
        services.AddLocalization();
        // Arabic, Chinese and Russian as characters, not as numeric entities six times their size.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options => options.RootDirectory = "/Portal")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(PortalText)));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.Default);
            options.SupportedCultures = PortalCultures.Supported;
            options.SupportedUICultures = PortalCultures.Supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = CultureQueryKey, UIQueryStringKey = CultureQueryKey },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The request's language, remembered in a cookie when chosen with <c>?culture=</c>; errors as pages under the portal's paths.</summary>
    public static WebApplication UseSurveyPortal(this WebApplication app)
    {
        // Plain files from wwwroot in every environment: no build step, nothing fingerprinted, so an hour's cache at most.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            var chosen = context.Request.Query[CultureQueryKey].ToString();
            if (PortalCultures.IsSupported(chosen))
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen.ToLowerInvariant())),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            return next(context);
        });
        app.UseWhen(IsPortal, portal => portal.UseStatusCodePagesWithReExecute(ErrorPagePath, "?status={0}"));
        app.UseWhen(context => !IsPortal(context), machines => machines.UseStatusCodePages());
        return app;
    }

    public const string ErrorPagePath = "/error";

    /// <summary>
    /// The portal's pages read the person from the Identity cookie; the service's default scheme is
    /// the bearer token, which a browser never sends.
    /// </summary>
    public static WebApplication UsePortalCookie(this WebApplication app)
    {
        app.UseWhen(IsPortal, portal => portal.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true
                && await context.AuthenticateAsync(IdentityConstants.ApplicationScheme) is { Succeeded: true } signedIn)
                context.User = signedIn.Principal;
            await next(context);
        }));
        return app;
    }

    public static WebApplication MapSurveyPortal(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
