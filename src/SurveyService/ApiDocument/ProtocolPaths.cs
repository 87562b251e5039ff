using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SurveyService.ApiDocument;

/// <summary>
/// What the OpenID Connect server and the health check serve outside the API's own endpoints, so
/// that the document an integrator reads has them too: discovery, the token endpoint (OAuth's own
/// form and error format), userinfo, and /health.
/// </summary>
internal sealed class ProtocolPaths : IOpenApiDocumentTransformer
{
    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static readonly OpenApiSchema OAuthError = new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "error" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["error"] = Text("invalid_grant (wrong email or password, locked account), invalid_request, unsupported_grant_type, temporarily_unavailable (429)."),
            ["error_description"] = Text("What a person can do about it."),
        },
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        document.Paths["/.well-known/openid-configuration"] = Get("GetOpenIdConfiguration", "The OpenID Connect discovery document.", "Identity",
            "Endpoints, grants, scopes and keys of this server.", new OpenApiSchema { Type = JsonSchemaType.Object });
        document.Paths["/connect/userinfo"] = Get("GetUserInfo", "Who the token's holder is.", "Identity",
            "sub, email and name; category, entity_id and entity_name for respondents; role for staff.",
            new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Text("A claim's value.") }, secured: true);
        document.Paths["/health"] = Get("GetHealth", "200 when the database answers.", "Operations", "Healthy.", Text("Healthy."));
        document.Paths["/connect/token"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = Token() },
        };
        return Task.CompletedTask;
    }

    private static OpenApiOperation Token() => new()
    {
        OperationId = "RequestToken",
        Summary = "A token: the password grant (client survey-cli), a refresh, or an authorization code with PKCE (client survey-portal).",
        Tags = new HashSet<OpenApiTagReference> { new("Identity") },
        Security = [],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "grant_type", "client_id" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["grant_type"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Enum = ["password", "refresh_token", "authorization_code"],
                            },
                            ["client_id"] = Text("survey-cli (password, refresh) or survey-portal (authorization code, refresh)."),
                            ["username"] = Text("The account's email (password grant)."),
                            ["password"] = Text("Its password (password grant)."),
                            ["scope"] = Text("openid offline_access survey"),
                            ["refresh_token"] = Text("A refresh token (refresh grant)."),
                            ["code"] = Text("The authorization code (authorization code grant)."),
                            ["redirect_uri"] = Text("The portal's redirect address (authorization code grant)."),
                            ["code_verifier"] = Text("The PKCE verifier (authorization code grant)."),
                        },
                    },
                },
            },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = Json("The tokens.", new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "access_token", "token_type", "expires_in" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["access_token"] = Text("Send as 'Authorization: Bearer …'."),
                    ["token_type"] = Text("Bearer"),
                    ["expires_in"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Seconds." },
                    ["refresh_token"] = Text("With offline_access."),
                    ["id_token"] = Text("With openid."),
                    ["scope"] = Text("The scopes granted."),
                },
            }),
            ["400"] = Json("Refused, in OAuth's error format.", OAuthError),
            ["429"] = Json("Too many requests from this address (see Retry-After), in OAuth's error format.", OAuthError),
        },
    };

    private static OpenApiPathItem Get(string id, string summary, string tag, string description, OpenApiSchema schema, bool secured = false)
    {
        var operation = new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new(tag) },
            Security = [],
            Responses = new OpenApiResponses { ["200"] = Json(description, schema) },
        };
        if (secured)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.OAuth2)] = ["openid"] }];
            operation.Responses["401"] = new OpenApiResponse { Description = "Without a valid token." };
            operation.Responses["403"] = new OpenApiResponse { Description = "A token without the openid scope." };
        }
        else
        {
            operation.Responses["503"] = new OpenApiResponse { Description = "Not ready (the database does not answer)." };
        }
        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }

    private static OpenApiResponse Json(string description, OpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };
}
