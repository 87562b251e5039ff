using Scalar.AspNetCore;
using SurveyService.Identity;

namespace SurveyService.ApiDocument;

/// <summary>
/// The OpenAPI document an integrator generates a client from: every operation named, summarised,
/// secured as its policy says, with each problem status it can answer; optional fields optional;
/// enums as plain string enums. Checked in as docs/openapi.json and linted in CI.
/// </summary>
internal static class ApiDocumentSetup
{
    public static IServiceCollection AddSurveyApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentInformation>();
            options.AddDocumentTransformer<SecuritySchemes>();
            options.AddDocumentTransformer<ProtocolPaths>();
            options.AddOperationTransformer<OperationSecurity>();
            options.AddSchemaTransformer(EnumSchemas.TransformAsync);
            options.AddSchemaTransformer(InstantSchemas.TransformAsync);
        });

    /// <summary>
    /// The document at /openapi/v1.json and the reference page at /scalar, which signs in with the
    /// password grant of survey-cli. In Production only with ApiDocument:Enabled, so that an
    /// operator chooses to show the surface.
    /// </summary>
    public static WebApplication MapSurveyApiDocument(this WebApplication app)
    {
        if (!app.Configuration.GetValue("ApiDocument:Enabled", !app.Environment.IsProduction()))
            return app;
        app.MapOpenApi();
        app.MapScalarApiReference(options => options
            .WithTitle("SurveyService API")
            .AddPreferredSecuritySchemes([SecuritySchemes.OAuth2])
            .AddPasswordFlow(SecuritySchemes.OAuth2, flow => flow
                .WithClientId(OpenIdClientSeeder.CliClientId)
                // A public client: its id goes in the form, never in a Basic header with an empty secret.
                .WithCredentialsLocation(CredentialsLocation.Body)
                .WithSelectedScopes(["openid", "offline_access", SurveyClaims.Scope])));
        return app;
    }
}
