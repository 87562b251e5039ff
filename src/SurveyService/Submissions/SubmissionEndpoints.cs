using System.Security.Claims;
using SurveyService.ApiDocument;
using SurveyService.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;
using SurveyService.Questionnaires;

namespace SurveyService.Submissions;

/// <summary>The respondent's side: one submission per entity, saved as drafts, submitted and amended until the deadline.</summary>
internal static class SubmissionEndpoints
{
    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consultations/{id:guid}/submission").WithTags("Submissions")
            .RequireAuthorization(Policies.Respondent).RequireRateLimiting(SubmissionLimits.Policy).WithValidation();
        group.MapGet("", Get).WithName("GetSubmission").WithSummary("The caller's entity's submission, with its ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound).AddOpenApiOperationTransformer(VersionHeaders.ETag);
        group.MapPut("", Save).WithName("SaveSubmission")
            .WithSummary("Save answers as a draft, replacing the whole set: answers left out are no longer answered.")
            .WithDescription("Send If-Match with the last ETag once the submission exists (428 without it, 412 when it is stale, "
                + "400 when it is not an entity tag such as \"3\").")
            .AsAWrite();
        group.MapPatch("", Change).WithName("ChangeSubmission")
            .WithSummary("Change only the answers named; an answer with no text, choices or value clears its question.")
            .WithDescription("If-Match, tiers and checks as for PUT; a first change creates the submission.")
            .AsAWrite();
        group.MapPost("/submit", Submit).WithName("SubmitSubmission").WithSummary("Submit the saved answers; returns a receipt.")
            .WithDescription("With If-Match, only that version is submitted. Submitting again without changes gives the same receipt.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(VersionHeaders.IfMatchAndETag);
        group.MapGet("/versions", Versions).WithName("ListSubmittedVersions").WithSummary("Every version the entity submitted, with its digest.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/consultations/{id:guid}/audit", Audit).WithTags("Submissions").RequireAuthorization(Policies.Staff).WithName("GetAuditTrail")
            .WithSummary("Every change to every submission of the consultation: who, when, which version.").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>What a save or a change can answer besides 200, and its If-Match and ETag.</summary>
    private static RouteHandlerBuilder AsAWrite(this RouteHandlerBuilder write) => write
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable).AddOpenApiOperationTransformer(VersionHeaders.IfMatchAndETag);

    public static IServiceCollection AddSubmissions(this IServiceCollection services)
    {
        services.AddOptions<SubmissionLimitsOptions>().BindConfiguration(SubmissionLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options => options.AddPolicy<string, SubmissionLimits>(SubmissionLimits.Policy));
        services.AddMemoryCache();
        services.AddSingleton<PublishedQuestions>();
        services.AddScoped<SaveAnswers>();
        services.AddScoped<SubmitAnswers>();
        return services;
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, SurveyDbContext db,
        TimeProvider clock, HttpContext http)
    {
        var (answering, refusal) = await SubmissionGate.EnterAsync(db, Respondent.From(user), id, clock.UtcNow(), writing: false);
        if (answering is null)
            return SubmissionProblems.For(refusal!);
        var submission = await SubmissionReads.WithAnswersAsync(db, id, answering.Respondent.EntityId);
        if (submission is null)
            return SubmissionProblems.For(new SubmissionRefusal.NothingSaved(Submitting: false));
        var submitted = await SubmissionReads.LatestSubmittedNumberAsync(db, submission.Id);
        http.Response.Headers.ETag = ETagPolicy.For(submission.Version);
        return TypedResults.Ok(SubmissionResponse.From(submission, submitted));
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Save(Guid id, SaveSubmissionRequest request,
        ClaimsPrincipal user, SaveAnswers saving, HttpContext http) =>
        !ETagPolicy.TryReadIfMatch(http.Request.Headers.IfMatch, out var expected) ? SubmissionProblems.UnreadableIfMatch()
        : Answer(await saving.SaveAsync(Respondent.From(user), id, request.Answers!, expected), http);

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> Change(Guid id, SaveSubmissionRequest request,
        ClaimsPrincipal user, SaveAnswers saving, HttpContext http) =>
        !ETagPolicy.TryReadIfMatch(http.Request.Headers.IfMatch, out var expected) ? SubmissionProblems.UnreadableIfMatch()
        : Answer(await saving.ChangeAsync(Respondent.From(user), id, request.Answers!, expected), http);

    private static Results<Ok<SubmissionResponse>, ProblemHttpResult> Answer(SaveOutcome outcome, HttpContext http)
    {
        switch (outcome)
        {
            case SaveOutcome.Saved(var submission, var submittedVersion):
                http.Response.Headers.ETag = ETagPolicy.For(submission.Version);
                return TypedResults.Ok(SubmissionResponse.From(submission, submittedVersion));
            case SaveOutcome.Refused(var why):
                return SubmissionProblems.For(why);
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome}.");
        }
    }

    private static async Task<Results<Ok<SubmitResponse>, ProblemHttpResult>> Submit(Guid id, ClaimsPrincipal user, SubmitAnswers submitting,
        HttpContext http)
    {
        if (!ETagPolicy.TryReadIfMatch(http.Request.Headers.IfMatch, out var expected))
            return SubmissionProblems.UnreadableIfMatch();
        var outcome = await submitting.SubmitAsync(Respondent.From(user), id, expected);
        switch (outcome)
        {
            case SubmitOutcome.Submitted(var version, var submissionVersion, _):
                http.Response.Headers.ETag = ETagPolicy.For(submissionVersion);
                return TypedResults.Ok(SubmitResponse.From(version));
            case SubmitOutcome.Refused(var why):
                return SubmissionProblems.For(why);
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome}.");
        }
    }

    private static async Task<Results<Ok<SubmittedVersionResponse[]>, ProblemHttpResult>> Versions(Guid id, ClaimsPrincipal user,
        SurveyDbContext db, TimeProvider clock)
    {
        var (answering, refusal) = await SubmissionGate.EnterAsync(db, Respondent.From(user), id, clock.UtcNow(), writing: false);
        if (answering is null)
            return SubmissionProblems.For(refusal!);
        var entityId = answering.Respondent.EntityId;
        var versions = await (await SubmissionReads.SubmittedVersionsAsync(db, id, entityId)).Include(v => v.Answers)
            .OrderBy(v => v.Number)
            .ToListAsync();
        return TypedResults.Ok(versions.Select(v => new SubmittedVersionResponse(v.Id, v.Number, v.SubmittedAt.AsUtc(), v.SubmittedBy, v.Digest,
            [.. v.Answers.Select(AnswerResponse.From)])).ToArray());
    }

    private static async Task<Results<Ok<SubmissionEventResponse[]>, ProblemHttpResult>> Audit(Guid id, Guid? entityId, SurveyDbContext db)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == id))
            return ConsultationEndpoints.NotFound(id);
        var events = await (
                from e in db.SubmissionEvents
                join s in db.Submissions on e.SubmissionId equals s.Id
                join entity in db.Entities on s.EntityId equals entity.Id
                join u in db.Users on e.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                where s.ConsultationId == id && (entityId == null || s.EntityId == entityId)
                orderby e.Id
                select new { e, s.EntityId, EntityName = entity.Name, Email = u == null ? null : u.Email })
            .AsNoTracking().ToListAsync();
        return TypedResults.Ok(events.Select(row => new SubmissionEventResponse(row.e.Id, row.e.SubmissionId, row.EntityId, row.EntityName,
            row.e.Action.ToString(), row.e.Version, row.e.At.AsUtc(), row.e.UserId, row.Email, row.e.AnswerCount, row.e.SubmittedVersionId)).ToArray());
    }
}
