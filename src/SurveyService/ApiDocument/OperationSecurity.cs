using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SurveyService.ApiDocument;

/// <summary>
/// Each operation's security as its endpoint's policy has it: public ones say so with an empty
/// requirement; the others need a token with the survey scope, and can answer 401 and 403
/// (problem+json saying why) besides what they declare themselves.
/// </summary>
internal sealed class OperationSecurity : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToArray();
        if (authorize.Length == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }
        var policy = authorize.Select(a => a.Policy).LastOrDefault(p => p is not null);
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.OAuth2, context.Document)] = [Identity.SurveyClaims.Scope] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.OpenIdConnect, context.Document)] = [Identity.SurveyClaims.Scope] },
        ];
        operation.Description = (operation.Description is null ? "" : operation.Description + "\n\n")
            + $"Who: {(policy is null ? "anyone signed in" : policy switch
            {
                Identity.Policies.Staff => "Secretariat or Analyst staff",
                Identity.Policies.Respondent => "a respondent (a focal point of an entity)",
                _ => $"{policy} staff",
            })}.";
        ProblemResponses.Add(operation, context.Document, StatusCodes.Status401Unauthorized, "Not signed in, or the token was refused.");
        ProblemResponses.Add(operation, context.Document, StatusCodes.Status403Forbidden, "Signed in as someone this is not for.");
        return Task.CompletedTask;
    }
}
