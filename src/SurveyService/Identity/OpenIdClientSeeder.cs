using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SurveyService.Identity;

/// <summary>
/// The two public clients: survey-cli (password and refresh grants, for scripts and tests) and
/// survey-portal (authorization code with PKCE). Updated in place, so configuration changes apply.
/// </summary>
internal sealed class OpenIdClientSeeder(IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes, IOptions<OpenIdServerOptions> options) : IStartupSeeder
{
    public const string CliClientId = "survey-cli";
    public const string PortalClientId = "survey-portal";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await UpsertAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = CliClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "SurveyService command-line and scripts",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + SurveyClaims.Scope,
            },
        }, cancellationToken);

        var portal = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "SurveyService web portal",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + SurveyClaims.Scope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in options.Value.PortalRedirectUris)
            portal.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        await UpsertAsync(portal, cancellationToken);

        if (await scopes.FindByNameAsync(SurveyClaims.Scope, cancellationToken) is null)
            await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = SurveyClaims.Scope, DisplayName = "SurveyService API" }, cancellationToken);
    }

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        else
            await applications.CreateAsync(descriptor, cancellationToken);
    }
}
