using System.Security.Claims;
using SurveyService.Accounts.Import;
using SurveyService.Data.Accounts;
using SurveyService.Data.Entities;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Accounts;

/// <summary>Who may answer: entities and their focal points, staff, and self-registered stakeholders.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/registrations", Register).WithName("RegisterStakeholder").WithTags("Identity").WithValidation()
            .RequireRateLimiting(SignInRateLimit.Policy)
            .Produces<AccountResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Self-registration of a non-member stakeholder (always category Stakeholder).");

        var entities = app.MapGroup("/api/entities").WithTags("Entities").RequireAuthorization(Policies.Secretariat).WithValidation();
        entities.MapPost("", CreateEntity).WithName("CreateEntity").WithSummary("Provision an entity of any category.");
        entities.MapGet("", ListEntities).WithName("ListEntities").WithSummary("Entities, optionally of one category.");
        entities.MapGet("/{id:guid}", GetEntity).WithName("GetEntity").WithSummary("One entity.").ProducesProblem(StatusCodes.Status404NotFound);
        entities.MapPost("/{id:guid}/accounts", CreateFocalPoint).WithName("CreateFocalPoint")
            .Produces<AccountResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a focal point (an account) to an entity.");
        entities.MapGet("/{id:guid}/accounts", ListFocalPoints).WithName("ListFocalPoints").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The entity's focal points, each with whether it is disabled.");
        entities.MapEntityImport();

        app.MapPost("/api/staff", CreateStaff).WithName("CreateStaffAccount").WithTags("Identity").RequireAuthorization(Policies.Secretariat).WithValidation()
            .Produces<AccountResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a Secretariat or Analyst account.");
        app.MapGet("/api/staff", ListStaff).WithName("ListStaffAccounts").WithTags("Identity").RequireAuthorization(Policies.Secretariat)
            .WithSummary("The Secretariat's and the analysts' accounts, each with whether it is disabled.");

        var accounts = app.MapGroup("/api/accounts/{id}").WithTags("Identity").RequireAuthorization(Policies.Secretariat);
        accounts.MapPost("/disable", (string id, ClaimsPrincipal user, AccountAccess access) => SetAccessAsync(id, user, access, disabled: true))
            .WithName("DisableAccount").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Disable an account (a focal point or staff): refused at sign-in and, within moments, with what it already holds. Kept with all it did.");
        accounts.MapPost("/enable", (string id, ClaimsPrincipal user, AccountAccess access) => SetAccessAsync(id, user, access, disabled: false))
            .WithName("EnableAccount").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Enable a disabled account again.");
        return app;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services) => services
        .AddScoped<AccountCreation>()
        .AddScoped<RegisterStakeholder>()
        .AddScoped<ProvisionAccounts>()
        .AddScoped<AccountReads>()
        .AddScoped<AccountAccess>()
        .AddEntityImport();

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> Register(RegistrationRequest request,
        RegisterStakeholder registering) =>
        Answer(await registering.RegisterAsync(request), user => $"/api/registrations/{user.Id}");

    private static async Task<Created<EntityResponse>> CreateEntity(CreateEntityRequest request, ProvisionAccounts provisioning)
    {
        var entity = await provisioning.EntityAsync(request.Name!, request.Category!.Value, request.CountryCode);
        return TypedResults.Created($"/api/entities/{entity.Id}", ToResponse(entity));
    }

    private static async Task<Ok<EntityResponse[]>> ListEntities(SurveyDbContext db, RespondentCategory? category)
    {
        var entities = await db.Entities.AsNoTracking()
            .Where(e => category == null || e.Category == category)
            .OrderBy(e => e.Name)
            .ToListAsync();
        return TypedResults.Ok(entities.Select(ToResponse).ToArray());
    }

    private static async Task<Results<Ok<EntityResponse>, ProblemHttpResult>> GetEntity(Guid id, SurveyDbContext db) =>
        await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id) is { } entity
            ? TypedResults.Ok(ToResponse(entity))
            : EntityNotFound(id);

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateFocalPoint(Guid id, CreateFocalPointRequest request,
        ProvisionAccounts provisioning) =>
        Answer(await provisioning.FocalPointAsync(id, request.Email!, request.DisplayName!, request.Password!),
            user => $"/api/entities/{id}/accounts/{user.Id}");

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateStaff(CreateStaffRequest request,
        ProvisionAccounts provisioning) =>
        Answer(await provisioning.StaffAsync(request.Email!, request.DisplayName!, request.Password!, request.Role!.Value),
            user => $"/api/staff/{user.Id}");

    private static Results<Created<AccountResponse>, ProblemHttpResult> Answer(AccountOutcome outcome, Func<SurveyUser, string> location) =>
        outcome switch
        {
            AccountOutcome.Created(var user, var entity) => TypedResults.Created(location(user), ToResponse(user, entity)),
            AccountOutcome.EmailTaken(var email) => Problem.Conflict($"An account with the email '{email}' already exists."),
            AccountOutcome.Invalid(var errors) => Problem.Invalid(errors, "The account cannot be created; see errors."),
            AccountOutcome.EntityNotFound(var entityId) => EntityNotFound(entityId),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };

    private static async Task<Results<Ok<ListedAccount[]>, ProblemHttpResult>> ListFocalPoints(Guid id, AccountReads reads) =>
        await reads.FocalPointsAsync(id) is { } found ? TypedResults.Ok(found.FocalPoints) : EntityNotFound(id);

    private static async Task<Ok<ListedAccount[]>> ListStaff(AccountReads reads) => TypedResults.Ok(await reads.StaffAsync());

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> SetAccessAsync(string userId, ClaimsPrincipal user, AccountAccess access,
        bool disabled)
    {
        var secretariat = StaffMember.From(user) ?? throw new InvalidOperationException("The Secretariat policy let in someone who is not staff.");
        return await access.SetAsync(secretariat, userId, disabled) switch
        {
            AccessOutcome.Done(var account) => TypedResults.Ok(ToResponse(account, account.Entity) with { Disabled = disabled }),
            AccessOutcome.NotFound => Problem.NotFound($"No account has the id {userId}."),
            AccessOutcome.OwnAccount => Problem.Conflict("You cannot disable your own account; another member of the Secretariat can."),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }

    private static ProblemHttpResult EntityNotFound(Guid id) => Problem.NotFound($"No entity has the id {id}.");

    private static EntityResponse ToResponse(Entity entity) =>
        new(entity.Id, entity.Name, entity.Category, entity.CountryCode, entity.StakeholderGroup);

    private static AccountResponse ToResponse(SurveyUser user, Entity? entity) =>
        new(user.Id, user.Email!, user.DisplayName, entity?.Category, entity?.Id, entity?.Name, user.StaffRole);
}
