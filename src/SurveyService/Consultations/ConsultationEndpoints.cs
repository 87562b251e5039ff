using System.Security.Claims;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Analysis;
using SurveyService.Questionnaires;
using SurveyService.Problems;

namespace SurveyService.Consultations;

/// <summary>Authoring and scheduling consultations. Respondents only ever see published ones.</summary>
internal static class ConsultationEndpoints
{
    public static IServiceCollection AddConsultations(this IServiceCollection services) => services
        .AddScoped<CreateConsultation>()
        .AddScoped<ChangeConsultation>()
        .AddScoped<PublishConsultation>()
        .AddScoped<CloseConsultationNow>()
        .AddScoped<AddQuestion>()
        .AddScoped<ChangeQuestion>()
        .AddScoped<RemoveQuestion>()
        .AddScoped<ReorderQuestions>()
        .AddScoped<ConsultationList>()
        .AddScoped<ResponseCounts>()
        .AddScoped<ConsultationHistory>();

    public static RouteGroupBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consultations").WithTags("Consultations").WithValidation();
        group.MapGet("", List).AllowAnonymous().WithName("ListConsultations").WithSummary("Published consultations; staff also see drafts.");
        group.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetConsultation").WithSummary("One consultation with its status.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", Create).RequireAuthorization(Policies.Secretariat).WithName("CreateConsultation").WithSummary("Create a consultation (as a Draft).");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Secretariat).WithName("ChangeConsultation")
            .WithSummary("Change a consultation, e.g. extend its deadline with {closesAt, reason}; only the fields given change.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.Secretariat).WithName("PublishConsultation")
            .WithSummary("Draft to Scheduled or Open; the questions are frozen from here on.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/close", Close).RequireAuthorization(Policies.Secretariat).WithName("CloseConsultation")
            .WithSummary("Close now: the same effect as the deadline passing; the analysis is compiled in the background.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/responses", Responses).RequireAuthorization(Policies.Staff).WithName("GetResponseCounts")
            .WithSummary("Responses by eligible category against the entities of that category: drafts and submitted.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.Secretariat).WithName("GetConsultationHistory")
            .WithSummary("The consultation's audit trail, oldest first: who changed what and when, before and after, and the reason.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapQuestions();
        return group;
    }

    private static async Task<Ok<ConsultationResponse[]>> List(ClaimsPrincipal user, ConsultationList consultations, TimeProvider clock)
    {
        var now = clock.UtcNow();
        return TypedResults.Ok((await consultations.VisibleToAsync(user))
            .Select(row => ConsultationResponse.From(row.Consultation, row.QuestionCount, now, row.DeadlineExtendedFrom)).ToArray());
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock)
    {
        var consultation = await db.FindVisibleAsync(id, user);
        if (consultation is null)
            return NotFound(id);
        var tiers = VisibleTiers.Of(user);
        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id && tiers.Contains(q.Tier));
        return TypedResults.Ok(ConsultationResponse.From(consultation, questions, clock.UtcNow(), await DeadlineExtensions.ExtendedFromAsync(db, consultation)));
    }

    private static async Task<Results<Ok<ConsultationResponses>, ProblemHttpResult>> Responses(Guid id, SurveyDbContext db, ResponseCounts counts)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        return consultation is null ? NotFound(id) : TypedResults.Ok((await counts.ForAsync([consultation]))[id]);
    }

    private static async Task<Results<Ok<ConsultationHistoryEntry[]>, ProblemHttpResult>> History(Guid id, ConsultationHistory history) =>
        await history.ReadAsync(id) is { } entries ? TypedResults.Ok(entries) : NotFound(id);

    private static async Task<CreatedAtRoute<ConsultationResponse>> Create(CreateConsultationRequest request, ClaimsPrincipal user,
        CreateConsultation creating, TimeProvider clock)
    {
        var consultation = await creating.CreateAsync(StaffMember.From(user), request);
        return TypedResults.CreatedAtRoute(ConsultationResponse.From(consultation, 0, clock.UtcNow()), "GetConsultation", new { id = consultation.Id });
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Update(Guid id, UpdateConsultationRequest request,
        ClaimsPrincipal user, ChangeConsultation changing, SurveyDbContext db, TimeProvider clock) =>
        await AnswerAsync(await changing.ChangeAsync(StaffMember.From(user), id, request), db, clock);

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Publish(Guid id, ClaimsPrincipal user,
        PublishConsultation publishing, SurveyDbContext db, TimeProvider clock) =>
        await AnswerAsync(await publishing.PublishAsync(StaffMember.From(user), id), db, clock);

    private static async Task<Results<Accepted<AnalysisStatusResponse>, ProblemHttpResult>> Close(Guid id, ClaimsPrincipal user,
        CloseConsultationNow closing, SurveyDbContext db) =>
        await closing.CloseAsync(StaffMember.From(user), id) switch
        {
            CloseOutcome.NotFound => NotFound(id),
            CloseOutcome.Draft => Problem.Conflict("The consultation is a draft; publish it before it can be closed."),
            _ => TypedResults.Accepted($"/api/consultations/{id}/analysis", await AnalysisEndpoints.ReadStatusAsync(db, id)),
        };

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> AnswerAsync(ConsultationOutcome outcome, SurveyDbContext db,
        TimeProvider clock) => outcome switch
    {
        ConsultationOutcome.Done(var consultation, var questions) => TypedResults.Ok(ConsultationResponse.From(consultation, questions, clock.UtcNow(),
            await DeadlineExtensions.ExtendedFromAsync(db, consultation))),
        ConsultationOutcome.Refused(var why) => ConsultationProblems.For(why),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
    };

    /// <summary>A draft exists only for staff; to anyone else it is simply not there.</summary>
    public static Task<Consultation?> FindVisibleAsync(this SurveyDbContext db, Guid id, ClaimsPrincipal user)
    {
        var staff = user.IsStaff();
        return db.Consultations.AsNoTracking().Include(c => c.Weights)
            .FirstOrDefaultAsync(c => c.Id == id && (staff || c.PublishedAt != null));
    }

    public static ProblemHttpResult NotFound(Guid id) => Problem.NotFound($"No consultation has the id {id}.");
}
