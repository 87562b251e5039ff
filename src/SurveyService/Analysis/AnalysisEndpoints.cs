using SurveyService.Analysis.Themes;
using SurveyService.ApiDocument;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Identity;
using SurveyService.Jobs;
using SurveyService.Problems;

namespace SurveyService.Analysis;

public sealed record AnalysisStatusResponse(Guid ConsultationId, AnalysisStatus Status, DateTimeOffset? RequestedAt, DateTimeOffset? GeneratedAt,
    string? Error, int Attempts, string? Stage, int Progress);

/// <summary>What analysts do once a consultation is closed: read the status, compile again, download.</summary>
internal static class AnalysisEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapAnalysis(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consultations/{id:guid}").WithTags("Closing and analysis");
        group.MapGet("/analysis", Status).RequireAuthorization(Policies.Staff).WithName("GetAnalysisStatus")
            .WithSummary("The analysis's status; while compiling, its stage and progress.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/analysis", Compile).RequireAuthorization(Policies.Analyst).WithName("CompileAnalysis").WithSummary("Compile again (after screening).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/analysis/workbook", Workbook).RequireAuthorization(Policies.Analyst).WithName("DownloadWorkbook")
            .WithSummary("The .xlsx; ?tier=MemberStates, Membership or Open for one tier's workbook.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .AddOpenApiOperationTransformer(WorkbookDownload.Describe);
        // The summary is served as it was stored by the compile; its shape is the record's.
        group.MapGet("/analysis/summary", Summary).RequireAuthorization(Policies.Analyst).WithName("GetAnalysisSummary")
            .WithSummary("The analysis as JSON: respondents by category, unweighted and weighted shares per option.")
            .Produces<AnalysisSummary>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapScreening();
        group.MapThemes();
        return app;
    }

    private static async Task<Results<Ok<AnalysisStatusResponse>, ProblemHttpResult>> Status(Guid id, SurveyDbContext db) =>
        await db.Consultations.AnyAsync(c => c.Id == id)
            ? TypedResults.Ok(await ReadStatusAsync(db, id))
            : ConsultationEndpoints.NotFound(id);

    private static async Task<Results<Accepted<AnalysisStatusResponse>, ProblemHttpResult>> Compile(Guid id, RequestCompile compiling,
        SurveyDbContext db) =>
        await compiling.RequestAsync(id) switch
        {
            CompileRequestOutcome.NotFound => ConsultationEndpoints.NotFound(id),
            CompileRequestOutcome.NotClosed => Problem.Conflict("The consultation is not closed yet; its analysis is compiled when it closes."),
            _ => TypedResults.Accepted($"/api/consultations/{id}/analysis", await ReadStatusAsync(db, id)),
        };

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Workbook(Guid id, string? tier, ReadWorkbook reading,
        HttpResponse response)
    {
        QuestionTier? scope = null;
        if (tier is not null)
        {
            if (!EnumName.TryParse<QuestionTier>(tier, out var named))
                return Problem.Invalid("tier", $"'{tier}' is not a tier; use MemberStates, Membership or Open.");
            scope = named;
        }
        switch (await reading.ForAsync(id, scope))
        {
            case WorkbookOutcome.Found found:
                response.Headers.ContentDisposition = found.ContentDisposition;
                return TypedResults.File(found.Content, XlsxType);
            case WorkbookOutcome.NotReady notReady:
                return NotReady(notReady.Status);
            default:
                return ConsultationEndpoints.NotFound(id);
        }
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Summary(Guid id, SurveyDbContext db)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == id))
            return ConsultationEndpoints.NotFound(id);
        var json = await db.Analyses.AsNoTracking().Where(a => a.ConsultationId == id).Select(a => a.SummaryJson).FirstOrDefaultAsync();
        return json is null ? NotReady(await ReadStatusAsync(db, id)) : TypedResults.Text(json, "application/json");
    }

    private static ProblemHttpResult NotReady(AnalysisStatusResponse status) => Problem.Conflict(status.Status switch
    {
        AnalysisStatus.NotStarted => "There is no analysis yet: it is compiled when the consultation closes.",
        AnalysisStatus.Failed => $"The analysis failed ({status.Error}); it is retried automatically, or compile again.",
        _ => $"The analysis is {status.Status}; try again shortly.",
    });

    public static async Task<AnalysisStatusResponse> ReadStatusAsync(SurveyDbContext db, Guid id) =>
        await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.ConsultationId == id) is { } analysis ? StatusOf(analysis) : NotStarted(id);

    public static AnalysisStatusResponse NotStarted(Guid id) => new(id, AnalysisStatus.NotStarted, null, null, null, 0, null, 0);

    public static AnalysisStatusResponse StatusOf(Data.Analyses.Analysis analysis) =>
        new(analysis.ConsultationId, analysis.Status, analysis.RequestedAt.AsUtc(), analysis.GeneratedAt is { } g ? g.AsUtc() : null,
            analysis.Error, analysis.Attempts, analysis.Status == AnalysisStatus.Running ? analysis.Stage : null, analysis.Progress);
}
