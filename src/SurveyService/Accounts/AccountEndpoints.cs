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
        app.MapPost("/api/registrations", Register).WithTags("Identity").WithValidation()
            .RequireRateLimiting(IdentitySetup.SignInRateLimit)
            .Produces<AccountResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Self-registration of a non-member stakeholder (always category Stakeholder).");

        var entities = app.MapGroup("/api/entities").WithTags("Entities").RequireAuthorization(Policies.Secretariat).WithValidation();
        entities.MapPost("", CreateEntity).WithSummary("Provision an entity of any category.");
        entities.MapGet("", ListEntities).WithSummary("Entities, optionally of one category.");
        entities.MapGet("/{id:guid}", GetEntity);
        entities.MapPost("/{id:guid}/accounts", CreateFocalPoint).Produces<AccountResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a focal point (an account) to an entity.");

        app.MapPost("/api/staff", CreateStaff).WithTags("Identity").RequireAuthorization(Policies.Secretariat).WithValidation()
            .Produces<AccountResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a Secretariat or Analyst account.");
        return app;
    }

    private static async Task<IResult> Register(
        RegistrationRequest request, SurveyDbContext db, AccountCreation accounts, TimeProvider clock)
    {
        // The entity is only tracked here; Identity's SaveChanges writes it with the user, in one
        // transaction, so a refused account leaves no orphan entity behind.
        var entity = new Entity
        {
            Name = (string.IsNullOrWhiteSpace(request.Organization) ? request.DisplayName! : request.Organization).Trim(),
            Category = RespondentCategory.Stakeholder,
            CountryCode = request.Country?.ToUpperInvariant(),
            StakeholderGroup = request.StakeholderGroup?.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Entities.Add(entity);
        var (user, problem) = await accounts.CreateAsync(request.Email!, request.DisplayName!, request.Password!, entity.Id, role: null);
        if (problem is not null)
            return problem;
        return TypedResults.Created($"/api/registrations/{user!.Id}", ToResponse(user, entity));
    }

    private static async Task<Created<EntityResponse>> CreateEntity(CreateEntityRequest request, SurveyDbContext db, TimeProvider clock)
    {
        var entity = new Entity
        {
            Name = request.Name!.Trim(),
            Category = request.Category!.Value,
            CountryCode = request.CountryCode?.ToUpperInvariant(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Entities.Add(entity);
        await db.SaveChangesAsync();
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
            : Problem.NotFound($"No entity has the id {id}.");

    private static async Task<IResult> CreateFocalPoint(
        Guid id, CreateFocalPointRequest request, SurveyDbContext db, AccountCreation accounts)
    {
        var entity = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (entity is null)
            return Problem.NotFound($"No entity has the id {id}.");
        var (user, problem) = await accounts.CreateAsync(request.Email!, request.DisplayName!, request.Password!, entity.Id, role: null);
        return problem ?? TypedResults.Created($"/api/entities/{id}/accounts/{user!.Id}", ToResponse(user, entity));
    }

    private static async Task<IResult> CreateStaff(CreateStaffRequest request, AccountCreation accounts)
    {
        var (user, problem) = await accounts.CreateAsync(request.Email!, request.DisplayName!, request.Password!, entityId: null, request.Role);
        return problem ?? TypedResults.Created($"/api/staff/{user!.Id}", ToResponse(user, entity: null));
    }

    private static EntityResponse ToResponse(Entity entity) =>
        new(entity.Id, entity.Name, entity.Category, entity.CountryCode, entity.StakeholderGroup);

    private static AccountResponse ToResponse(SurveyUser user, Entity? entity) =>
        new(user.Id, user.Email!, user.DisplayName, entity?.Category, entity?.Id, entity?.Name, user.StaffRole);
}
