using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenIddict.Core;
using OpenIddict.Server;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using SurveyService.Data.Accounts;

namespace SurveyService.Identity;

internal static class IdentitySetup
{
    public static IServiceCollection AddSurveyIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<OpenIdServerOptions>().BindConfiguration(OpenIdServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInLimitsOptions>().BindConfiguration(SignInLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccountStandingOptions>().BindConfiguration(AccountStandingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var server = configuration.GetSection(OpenIdServerOptions.Section).Get<OpenIdServerOptions>() ?? new();
        var limits = configuration.GetSection(SignInLimitsOptions.Section).Get<SignInLimitsOptions>() ?? new();

        services.AddIdentityCore<SurveyUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = limits.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(limits.LockoutMinutes);
                options.Lockout.AllowedForNewUsers = true;
                // The portal's cookie names its holder as tokens do, so both doors read one set of claims.
                options.ClaimsIdentity.UserIdClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject;
                options.ClaimsIdentity.RoleClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Role;
                options.ClaimsIdentity.EmailClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Email;
            })
            .AddEntityFrameworkStores<SurveyDbContext>()
            .AddDefaultTokenProviders();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<SurveyDbContext>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetAuthorizationEndpointUris("connect/authorize");
                options.AllowPasswordFlow().AllowRefreshTokenFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // PKCE with S256 only: "plain" sends the verifier itself through the browser.
                options.Configure(server => server.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                options.RegisterScopes("openid", "offline_access", "email", "profile", SurveyClaims.Scope);
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(server.AccessTokenLifetimeMinutes));
                options.SetRefreshTokenLifetime(TimeSpan.FromDays(server.RefreshTokenLifetimeDays));
                AddKeys(options, server, environment);
                if (!server.EncryptAccessTokens)
                    options.DisableAccessTokenEncryption();

                var aspNetCore = options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough();
                if (server.AllowInsecureHttp)
                    aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                // Tokens only in the Authorization header (as the API document says): read from a
                // form, validation would read every form posted, the sign-in page's included, before
                // the page could answer a form it cannot read; from the query, tokens land in logs.
                options.UseAspNetCore().DisableAccessTokenExtractionFromBodyForm().DisableAccessTokenExtractionFromQueryString();
                options.AddEventHandler(AccountStandingChecks.BearerToken);
            });

        // Token lifetimes follow the service's clock, so tests (and nothing else) can move time.
        services.AddOptions<OpenIddictServerOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<OpenIddictValidationOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<OpenIddictCoreOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, cookie =>
            {
                // The portal's door: it carries the same claims as a token (AccountClaims), and every
                // policy accepts it beside bearer tokens. The API keeps answering 401 and 403, never a
                // redirect to the sign-in page; Lax keeps it off cross-site posts.
                cookie.LoginPath = PortalSignIn.Path;
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.Cookie.Name = "survey.signin";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.Events.OnRedirectToLogin = context => ApiAnswers(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => ApiAnswers(context, StatusCodes.Status403Forbidden);
                cookie.Events.OnValidatePrincipal = AccountStandingChecks.ValidateCookieAsync;
            });
        services.AddAntiforgery();
        Policies.Add(services.AddAuthorizationBuilder());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();
        services.AddSignInRateLimit();

        services.AddScoped<IStartupSeeder, OpenIdClientSeeder>();
        services.AddScoped<IStartupSeeder, BootstrapSecretariat>();
        services.AddScoped<AccountClaims>();
        services.AddScoped<AccountStanding>();
        services.AddMemoryCache();
        services.AddScoped<PasswordCheck>();
        services.AddSingleton<SignInThrottle>();
        return services;
    }

    private static Task ApiAnswers(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        // A page refused to a signed-in person is a 403 page in their language (the status code pages), not a redirect.
        if (context.Request.Path.StartsWithSegments("/api") || status == StatusCodes.Status403Forbidden)
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Development certificates live in the developer's own certificate store and survive restarts;
    /// anywhere else the keys must be files every instance shares, or tokens would not survive a
    /// restart nor work across instances. The encryption certificate also encrypts the
    /// data-protection keys (cookies, antiforgery) kept in the database, so a copy of the
    /// database alone does not give them away.
    /// </summary>
    private static void AddKeys(OpenIddictServerBuilder options, OpenIdServerOptions server, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() && server.SigningCertificatePath is null && server.EncryptionCertificatePath is null)
        {
            options.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
            return;
        }
        options.AddSigningCertificate(LoadCertificate(server.SigningCertificatePath, server.SigningCertificatePassword, "SigningCertificatePath"));
        var encryption = LoadCertificate(server.EncryptionCertificatePath, server.EncryptionCertificatePassword, "EncryptionCertificatePath");
        options.AddEncryptionCertificate(encryption);
        options.Services.AddDataProtection().ProtectKeysWithCertificate(encryption);
    }

    private static X509Certificate2 LoadCertificate(string? path, string? password, string key)
    {
        var name = $"{OpenIdServerOptions.Section}:{key}";
        if (string.IsNullOrWhiteSpace(path))
            throw new OptionsValidationException(name, typeof(OpenIdServerOptions),
                [$"{name} is required outside Development: the path of a PKCS#12 (.pfx) certificate file (see README, Configuration)."]);
        if (!File.Exists(path))
            throw new OptionsValidationException(name, typeof(OpenIdServerOptions), [$"{name} names '{path}', which does not exist."]);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }
}
