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
        .AddScoped<ConsultationList>()
        .AddScoped<ResponseCounts>();

    public static RouteGroupBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consultations").WithTags("Consultations").WithValidation();
        group.MapGet("", List).AllowAnonymous().WithName("ListConsultations").WithSummary("Published consultations; staff also see drafts.");
        group.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetConsultation").WithSummary("One consultation with its status.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", Create).RequireAuthorization(Policies.Secretariat).WithName("CreateConsultation").WithSummary("Create a consultation (as a Draft).");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Secretariat).WithName("ChangeConsultation")
            .WithSummary("Change a consultation, e.g. extend its deadline with {closesAt}; only the fields given change.")
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
        group.MapQuestions();
        return group;
    }

    private static async Task<Ok<ConsultationResponse[]>> List(ClaimsPrincipal user, ConsultationList consultations, TimeProvider clock)
    {
        var now = clock.UtcNow();
        return TypedResults.Ok((await consultations.VisibleToAsync(user)).Select(row => ConsultationResponse.From(row.Consultation, row.QuestionCount, now)).ToArray());
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, SurveyDbContext db, TimeProvider clock)
    {
        var consultation = await db.FindVisibleAsync(id, user);
        if (consultation is null)
            return NotFound(id);
        var tiers = VisibleTiers.Of(user);
        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id && tiers.Contains(q.Tier));
        return TypedResults.Ok(ConsultationResponse.From(consultation, questions, clock.UtcNow()));
    }

    private static async Task<Results<Ok<ConsultationResponses>, ProblemHttpResult>> Responses(Guid id, SurveyDbContext db, ResponseCounts counts)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        return consultation is null ? NotFound(id) : TypedResults.Ok((await counts.ForAsync([consultation]))[id]);
    }

    private static async Task<CreatedAtRoute<ConsultationResponse>> Create(CreateConsultationRequest request, CreateConsultation creating,
        TimeProvider clock)
    {
        var consultation = await creating.CreateAsync(request);
        return TypedResults.CreatedAtRoute(ConsultationResponse.From(consultation, 0, clock.UtcNow()), "GetConsultation", new { id = consultation.Id });
    }

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Update(Guid id, UpdateConsultationRequest request,
        ChangeConsultation changing, TimeProvider clock) =>
        Answer(await changing.ChangeAsync(id, request), clock);

    private static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Publish(Guid id, PublishConsultation publishing,
        TimeProvider clock) =>
        Answer(await publishing.PublishAsync(id), clock);

    private static async Task<Results<Accepted<AnalysisStatusResponse>, ProblemHttpResult>> Close(Guid id, CloseConsultationNow closing,
        SurveyDbContext db) =>
        await closing.CloseAsync(id) switch
        {
            CloseOutcome.NotFound => NotFound(id),
            CloseOutcome.Draft => Problem.Conflict("The consultation is a draft; publish it before it can be closed."),
            _ => TypedResults.Accepted($"/api/consultations/{id}/analysis", await AnalysisEndpoints.ReadStatusAsync(db, id)),
        };

    private static Results<Ok<ConsultationResponse>, ProblemHttpResult> Answer(ConsultationOutcome outcome, TimeProvider clock) => outcome switch
    {
        ConsultationOutcome.Done(var consultation, var questions) => TypedResults.Ok(ConsultationResponse.From(consultation, questions, clock.UtcNow())),
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
