using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SurveyService.ApiDocument;

/// <summary>What the service is, its tags explained, and one server: the one that served the document, however it was reached.</summary>
internal sealed class DocumentInformation : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Identity"] = "Self-registration of non-members and the Secretariat's staff accounts. Sign-in itself is OpenID Connect at /connect/token.",
        ["Entities"] = "The bodies that answer (a Member State's administration, a company, a university, an NGO) and their focal points.",
        ["Consultations"] = "Authoring, scheduling, publishing and closing consultations, and their questions.",
        ["Questionnaires"] = "The questions each caller is asked, by category and tier.",
        ["Submissions"] = "One submission per entity: saved as drafts with ETags, submitted with receipts, amended until the close.",
        ["Closing and analysis"] = "The analysis compiled at the close: its status, the weighted summary, the workbooks, and screening of answers.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SurveyService";
        document.Info.Description = "Stakeholder consultations the way intergovernmental bodies run them: questions addressed to nested "
            + "tiers of respondents, enforced on the server; inputs weighted by membership category; consultations that close by "
            + "themselves at their deadline and compile their analysis. Errors are application/problem+json (RFC 9457).";
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://example.org/surveyservice/license") };
        // Relative, so the document is the same whichever address served it (and the checked-in copy stays comparable).
        document.Servers = [new OpenApiServer { Url = "/", Description = "The service that served this document." }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
        return Task.CompletedTask;
    }
}
