using System.Security.Claims;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Jobs;
using SurveyService.Problems;

namespace SurveyService.Consultations;

/// <summary>Authoring and scheduling consultations. Respondents only ever see published ones.</summary>
internal static class ConsultationEndpoints
{
    public static RouteGroupBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consultations").WithTags("Consultations").WithValidation();
        group.MapGet("", List).AllowAnonymous().WithSummary("Published consultations; staff also see drafts.");
        group.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetConsultation");
        group.MapPost("", Create).RequireAuthorization(Policies.Secretariat).WithSummary("Create a consultation (as a Draft).");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Change a consultation, e.g. extend its deadline with {closesAt}.");
        group.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Draft to Scheduled or Open; the questions are frozen from here on.");
        group.MapQuestions();
        return group;
    }

    private static async Task<Ok<ConsultationResponse[]>> List(ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock)
    {
        var staff = user.IsStaff();
        var rows = await db.Consultations.AsNoTracking()
            .Where(c => staff || c.PublishedAt != null)
            .OrderByDescending(c => c.OpensAt)
            .Select(c => new { Consultation = c, Questions = c.Questions.Count })
            .ToListAsync();
        var now = clock.UtcNow();
        return TypedResults.Ok(rows.Select(row => ConsultationResponse.From(row.Consultation, row.Questions, now)).ToArray());
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock)
    {
        var consultation = await db.FindVisibleAsync(id, user);
        if (consultation is null)
            return NotFound(id);
        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id);
        return TypedResults.Ok(ConsultationResponse.From(consultation, questions, clock.UtcNow()));
    }

    private static async Task<CreatedAtRoute<ConsultationResponse>> Create(CreateConsultationRequest request, SurveyDbContext db, TimeProvider clock)
    {
        var now = clock.UtcNow();
        var consultation = new Consultation
        {
            Title = request.Title!.Trim(),
            Description = request.Description ?? "",
            OpensAt = request.OpensAt!.Value.UtcDateTime,
            ClosesAt = request.ClosesAt!.Value.UtcDateTime,
            CreatedAt = now,
            EligibleCategories = [.. (request.EligibleCategories ?? Enum.GetValues<RespondentCategory>()).Distinct()],
        };
        Weighting.Apply(consultation, request.Weights ?? []);
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync();
        return TypedResults.CreatedAtRoute(ConsultationResponse.From(consultation, 0, now), "GetConsultation", new { id = consultation.Id });
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, UpdateConsultationRequest request, SurveyDbContext db, TimeProvider clock, ConsultationCloser closer)
    {
        var consultation = await db.Consultations.Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return NotFound(id);
        var now = clock.UtcNow();
        var status = consultation.StatusAt(now);
        var opensAt = request.OpensAt?.UtcDateTime ?? consultation.OpensAt;
        var closesAt = request.ClosesAt?.UtcDateTime ?? consultation.ClosesAt;

        if (status == ConsultationStatus.Closed && (request.ClosesAt is not null || request.OpensAt is not null))
            return Problem.Conflict($"The consultation closed at {consultation.ClosedAt ?? consultation.ClosesAt:u}; its schedule can no longer change.");
        if (request.OpensAt is not null && opensAt != consultation.OpensAt && status == ConsultationStatus.Open)
            return Problem.Conflict($"The consultation opened at {consultation.OpensAt:u}; opensAt can no longer change.");
        if (request.EligibleCategories is not null && status != ConsultationStatus.Draft)
            return Problem.Conflict("Eligible categories are fixed once the consultation is published.");
        if (closesAt <= opensAt)
            return Problem.Invalid("closesAt", $"closesAt ({closesAt:u}) must be after opensAt ({opensAt:u}).");
        if (status != ConsultationStatus.Draft && request.ClosesAt is not null && closesAt <= now)
            return Problem.Invalid("closesAt", $"closesAt ({closesAt:u}) is not in the future; to close now, use POST /api/consultations/{id}/close.");

        if (request.Title is not null)
            consultation.Title = request.Title.Trim();
        if (request.Description is not null)
            consultation.Description = request.Description;
        consultation.OpensAt = opensAt;
        consultation.ClosesAt = closesAt;
        if (request.EligibleCategories is not null)
            consultation.EligibleCategories = [.. request.EligibleCategories.Distinct()];
        Weighting.Apply(consultation, request.Weights ?? []);
        var deadlineMoved = db.Entry(consultation).Property(c => c.ClosesAt).IsModified;
        await db.SaveChangesAsync();
        // The close follows the new deadline; the job for the old one will find it not due and do nothing.
        if (deadlineMoved && consultation.PublishedAt is not null)
            closer.Schedule(id, consultation.ClosesAt);

        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id);
        return TypedResults.Ok(ConsultationResponse.From(consultation, questions, now));
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Publish(Guid id, SurveyDbContext db, TimeProvider clock,
        ConsultationCloser closer)
    {
        var consultation = await db.Consultations.Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return NotFound(id);
        if (consultation.PublishedAt is not null)
            return Problem.Conflict($"The consultation was already published at {consultation.PublishedAt:u}.");
        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id);
        if (questions == 0)
            return Problem.Conflict("The consultation has no questions yet; add at least one before publishing.");
        var now = clock.UtcNow();
        if (consultation.ClosesAt <= now)
            return Problem.Conflict($"The deadline {consultation.ClosesAt:u} has already passed; move closesAt before publishing.");

        consultation.PublishedAt = now;
        await db.SaveChangesAsync();
        closer.Schedule(id, consultation.ClosesAt);
        return TypedResults.Ok(ConsultationResponse.From(consultation, questions, now));
    }

    /// <summary>A draft exists only for staff; to anyone else it is simply not there.</summary>
    public static Task<Consultation?> FindVisibleAsync(this SurveyDbContext db, Guid id, ClaimsPrincipal user)
    {
        var staff = user.IsStaff();
        return db.Consultations.AsNoTracking().Include(c => c.Weights)
            .FirstOrDefaultAsync(c => c.Id == id && (staff || c.PublishedAt != null));
    }

    public static ProblemHttpResult NotFound(Guid id) => Problem.NotFound($"No consultation has the id {id}.");
}
