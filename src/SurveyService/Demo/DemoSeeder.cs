using Microsoft.Extensions.Options;
using SurveyService.Accounts;
using SurveyService.Consultations;
using SurveyService.Data.Entities;
using SurveyService.Data.Accounts;

namespace SurveyService.Demo;

internal static class DemoSetup
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddScoped<IStartupSeeder, DemoSeeder>();
        return services;
    }
}

/// <summary>
/// Fills an empty database (no entities, no consultations) so that a newcomer can try every
/// endpoint from the reference page at once, and prints how to sign in as each kind of account.
/// </summary>
internal sealed class DemoSeeder(SurveyDbContext db, AccountCreation accounts, CreateConsultation creating, AddQuestion adding,
    PublishConsultation publishing, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoSeeder> logger) : IStartupSeeder
{
    private static readonly (string Name, RespondentCategory Category, string? Country, string Email)[] Entities =
    [
        ("Administration of Argentina", RespondentCategory.MemberState, "AR", "focal.ar@example.org"),
        ("Administration of Switzerland", RespondentCategory.MemberState, "CH", "focal.ch@example.org"),
        ("Administration of Kenya", RespondentCategory.MemberState, "KE", "focal.ke@example.org"),
        ("Example Telecom Operator", RespondentCategory.SectorMember, "FR", "focal.operator@example.org"),
        ("Example Equipment Maker", RespondentCategory.SectorMember, "JP", "focal.equipment@example.org"),
        ("Example Standards Startup", RespondentCategory.Associate, "BR", "focal.associate@example.org"),
        ("Example University", RespondentCategory.Academia, "IN", "focal.university@example.org"),
        ("Example Civil Society Network", RespondentCategory.Stakeholder, "ZA", "focal.ngo@example.org"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled || await db.Entities.AnyAsync(cancellationToken) || await db.Consultations.AnyAsync(cancellationToken))
            return;

        var now = clock.UtcNow();
        var lines = new List<string>();
        foreach (var (name, category, country, email) in Entities)
        {
            var entity = new Entity { Name = name, Category = category, CountryCode = country, CreatedAt = now };
            db.Entities.Add(entity);
            await CreateAsync(email, $"Focal point, {name}", entity, null);
            lines.Add($"  {category,-13} {email}");
        }
        await CreateAsync("analyst@example.org", "Demo analyst", null, StaffRole.Analyst);
        lines.Add($"  {"Analyst",-13} analyst@example.org");

        // Through the Secretariat's own use cases, so the demo is published as any consultation is (its close scheduled);
        // the audit trail names no one: the service itself loaded it.
        var consultation = await creating.CreateAsync(null, new CreateConsultationRequest(WgStudyQuestionnaire.Title,
            now.AddMinutes(-1).AsUtc(), now.AddDays(30).AsUtc(), WgStudyQuestionnaire.Description, Weights: new Dictionary<RespondentCategory, decimal>
            {
                [RespondentCategory.MemberState] = 1m,
                [RespondentCategory.SectorMember] = 0.5m,
                [RespondentCategory.Associate] = 0.5m,
                [RespondentCategory.Academia] = 0.5m,
                [RespondentCategory.Stakeholder] = 0.25m,
            }));
        foreach (var (code, tier, text) in WgStudyQuestionnaire.Questions)
        {
            var choice = code == "1b";
            var question = new AddQuestionRequest(code, text, tier, choice ? QuestionType.SingleChoice : QuestionType.Text,
                choice ? [.. WgStudyQuestionnaire.DefinitionsSufficientOptions] : null, Required: false, MaxLength: null, ScaleMin: null, ScaleMax: null);
            if (await adding.AddAsync(null, consultation.Id, question) is not AddQuestionOutcome.Added)
                throw new InvalidOperationException($"The demo question {code} could not be added.");
        }
        if (await publishing.PublishAsync(null, consultation.Id) is not ConsultationOutcome.Done)
            throw new InvalidOperationException("The demo consultation could not be published.");

        logger.LogInformation(
            "Demo data loaded: consultation {ConsultationId} is open until {ClosesAt:u}. Every demo account's password is '{Password}'; "
            + "sign in with POST /connect/token (grant_type=password, client_id=survey-cli). Accounts:{NewLine}{Accounts}",
            consultation.Id, consultation.ClosesAt, demo.Password, Environment.NewLine, string.Join(Environment.NewLine, lines));
    }

    private async Task CreateAsync(string email, string displayName, Entity? entity, StaffRole? role)
    {
        if (await accounts.CreateAsync(email, displayName, options.Value.Password, entity, role) is not AccountOutcome.Created)
            throw new InvalidOperationException($"The demo account {email} could not be created; is Demo:Password strong enough?");
    }
}
