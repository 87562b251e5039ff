using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SurveyService.Identity;

namespace SurveyService.ApiDocument;

/// <summary>
/// How to get a token: OAuth 2.0 with the password grant (scripts, the survey-cli client) and the
/// authorization code with PKCE (the portal, the reference page), and the discovery document.
/// </summary>
internal sealed class SecuritySchemes : IOpenApiDocumentTransformer
{
    public const string OAuth2 = "oauth2";
    public const string OpenIdConnect = "openIdConnect";

    private static readonly Dictionary<string, string> Scopes = new()
    {
        [SurveyClaims.Scope] = "The SurveyService API.",
        ["openid"] = "Who you are (an identity token).",
        ["offline_access"] = "A refresh token.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OAuth2] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "A bearer token from /connect/token: the password grant with client_id survey-cli, or the authorization code "
                + "with PKCE with client_id survey-portal.",
            Flows = new OpenApiOAuthFlows
            {
                Password = new OpenApiOAuthFlow { TokenUrl = new Uri("/connect/token", UriKind.Relative), RefreshUrl = new Uri("/connect/token", UriKind.Relative), Scopes = Scopes },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = Scopes,
                },
            },
        };
        document.Components.SecuritySchemes[OpenIdConnect] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OpenIdConnect,
            Description = "The same server, described by its discovery document.",
            OpenIdConnectUrl = new Uri("/.well-known/openid-configuration", UriKind.Relative),
        };
        return Task.CompletedTask;
    }
}
