using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Data.Submissions;
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
        group.MapGet("", Get).WithSummary("The caller's entity's submission, with its ETag.");
        group.MapPut("", Save).WithSummary("Save answers as a draft; send If-Match once the submission exists.");
        group.MapPost("/submit", Submit).WithSummary("Submit the saved answers; returns a receipt.");
        group.MapGet("/versions", Versions).WithSummary("Every version the entity submitted, with its digest.");

        app.MapGet("/api/consultations/{id:guid}/audit", Audit).WithTags("Submissions").RequireAuthorization(Policies.Staff)
            .WithSummary("Every change to every submission of the consultation: who, when, which version.");
        return app;
    }

    public static IServiceCollection AddSubmissions(this IServiceCollection services)
    {
        services.AddOptions<SubmissionLimitsOptions>().BindConfiguration(SubmissionLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options => options.AddPolicy<string, SubmissionLimits>(SubmissionLimits.Policy));
        services.AddMemoryCache();
        services.AddSingleton<PublishedQuestions>();
        return services;
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock, HttpContext http)
    {
        var (context, problem) = await SubmissionGate.EnterAsync(db, FocalPoint.Of(user), id, clock.UtcNow(), writing: false);
        if (problem is not null)
            return problem;
        var submission = await SubmissionWrites.WithAnswersAsync(db, id, context!.EntityId);
        if (submission is null)
            return Problem.NotFound("Your entity has saved nothing for this consultation yet.");
        var versions = await db.SubmittedVersions.CountAsync(v => v.SubmissionId == submission.Id);
        http.Response.Headers.ETag = ETags.For(submission.Version);
        return TypedResults.Ok(ToResponse(submission, versions));
    }

    private static async Task<IResult> Save(Guid id, SaveSubmissionRequest request, ClaimsPrincipal user, SurveyDbContext db,
        PublishedQuestions questions, WriteQueue writes, TimeProvider clock, HttpContext http)
    {
        var now = clock.UtcNow();
        var (context, asked, problem) = await SubmissionGate.EnterToWriteAsync(db, questions, FocalPoint.Of(user), id, now);
        if (problem is not null)
            return problem;
        var (saved, refused) = await SubmissionWrites.SaveAsync(db, writes, context!, asked, request.Answers!, ETags.IfMatch(http.Request), now);
        if (refused is not null)
            return refused;
        http.Response.Headers.ETag = ETags.For(saved!.Version);
        return TypedResults.Ok(saved);
    }

    private static async Task<IResult> Submit(Guid id, ClaimsPrincipal user, SurveyDbContext db, PublishedQuestions questions, WriteQueue writes,
        TimeProvider clock, HttpContext http)
    {
        var now = clock.UtcNow();
        var (context, asked, problem) = await SubmissionGate.EnterToWriteAsync(db, questions, FocalPoint.Of(user), id, now);
        if (problem is not null)
            return problem;
        var (submitted, version, refused) = await SubmissionWrites.SubmitAsync(db, writes, context!, asked, ETags.IfMatch(http.Request), now);
        if (refused is not null)
            return refused;
        http.Response.Headers.ETag = ETags.For(version);
        return TypedResults.Ok(submitted);
    }

    private static async Task<IResult> Versions(Guid id, ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock)
    {
        var (context, problem) = await SubmissionGate.EnterAsync(db, FocalPoint.Of(user), id, clock.UtcNow(), writing: false);
        if (problem is not null)
            return problem;
        var versions = await db.SubmittedVersions.AsNoTracking().Include(v => v.Answers)
            .Where(v => db.Submissions.Any(s => s.Id == v.SubmissionId && s.ConsultationId == id && s.EntityId == context!.EntityId))
            .OrderBy(v => v.Number)
            .ToListAsync();
        return TypedResults.Ok(versions.Select(v => new SubmittedVersionResponse(v.Id, v.Number, v.SubmittedAt.AsUtc(), v.SubmittedBy, v.Digest,
            [.. v.Answers.Select(AnswerRules.ToResponse)])).ToArray());
    }

    private static async Task<IResult> Audit(Guid id, Guid? entityId, SurveyDbContext db)
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

    public static SubmissionResponse ToResponse(Submission submission, int submittedVersions) => new(
        submission.Id, submission.ConsultationId, submission.EntityId,
        submission.IsSubmitted ? "Submitted" : "Draft",
        submission.Version,
        [.. submission.Answers.OrderBy(a => a.QuestionId).Select(AnswerRules.ToResponse)],
        submission.UpdatedAt.AsUtc(),
        submission.SubmittedAt is { } at ? at.AsUtc() : null,
        submittedVersions);

}
