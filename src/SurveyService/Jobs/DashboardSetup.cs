using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;
using SurveyService.Identity;

namespace SurveyService.Jobs;

internal static class DashboardSetup
{
    public const string Path = "/hangfire";

    /// <summary>The Hangfire dashboard for Secretariat (full) and Analyst (read-only) staff, signed in on the portal page or with a bearer token.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard)
            return app;
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            AsyncAuthorization = [new StaffOnly()],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Policies.Secretariat),
            DisplayStorageConnectionString = false,
            DashboardTitle = "SurveyService jobs",
        }, app.ServiceProvider.GetRequiredService<JobStorage>());
        return app;
    }

    /// <summary>A person who opens the dashboard without a session is sent to sign in, and comes back (bearer callers get 401 as before).</summary>
    public static WebApplication UseJobsDashboardSignIn(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard)
            return app;
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path) && context.Request.Headers.Authorization.Count == 0
                && !(await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
            {
                var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{PortalSignIn.Path}?returnUrl={Uri.EscapeDataString(back)}");
                return;
            }
            await next(context);
        });
        return app;
    }

    private sealed class StaffOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme })
            {
                var result = await http.AuthenticateAsync(scheme);
                if (result.Principal is { } principal && principal.IsStaff())
                {
                    http.User = principal;
                    return true;
                }
            }
            return false;
        }
    }
}
