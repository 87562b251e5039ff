using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SurveyService.Data.Accounts;

namespace SurveyService.Identity;

/// <summary>
/// The first Secretariat account, from Bootstrap:* configuration, so that someone can provision
/// everyone else. Never a built-in default: without configuration, nothing is created.
/// </summary>
internal sealed class BootstrapSecretariat(UserManager<SurveyUser> users, IOptions<BootstrapOptions> options, ILogger<BootstrapSecretariat> logger) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value;
        if (string.IsNullOrWhiteSpace(bootstrap.SecretariatEmail) || string.IsNullOrWhiteSpace(bootstrap.SecretariatPassword))
        {
            if (!await users.Users.AnyAsync(u => u.StaffRole == StaffRole.Secretariat, cancellationToken))
                logger.LogWarning("No Secretariat account exists; set Bootstrap:SecretariatEmail and Bootstrap:SecretariatPassword to create one.");
            return;
        }
        if (await users.FindByEmailAsync(bootstrap.SecretariatEmail) is not null)
            return;

        var user = new SurveyUser
        {
            UserName = bootstrap.SecretariatEmail,
            Email = bootstrap.SecretariatEmail,
            EmailConfirmed = true,
            DisplayName = bootstrap.SecretariatDisplayName,
            StaffRole = StaffRole.Secretariat,
        };
        var result = await users.CreateAsync(user, bootstrap.SecretariatPassword);
        if (!result.Succeeded)
            throw new InvalidOperationException("Bootstrap:SecretariatPassword is not accepted: "
                + string.Join(" ", result.Errors.Select(e => e.Description)));
        logger.LogInformation("Created the bootstrap Secretariat account {Email}.", bootstrap.SecretariatEmail);
    }
}
