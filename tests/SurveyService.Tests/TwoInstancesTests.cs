using Microsoft.EntityFrameworkCore;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Two instances of the service behind a load balancer, on one PostgreSQL database and one
/// Hangfire storage: what one does, the other sees and honours.
/// </summary>
public sealed class TwoInstancesTests
{
    /// <summary>
    /// A first deployment: both instances migrate, install the job tables, create the bootstrap
    /// account, the OpenID clients, the demo and the first data-protection key, at the same moment.
    /// </summary>
    [SkippableFact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabaseBothServe()
    {
        await using var instances = new TwoInstances();
        foreach (var app in instances.Both)
            app.Settings["Demo:Enabled"] = "true";

        await instances.StartAsync();

        foreach (var app in instances.Both)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.CreateHttpsClient().GetAsync("/health")).StatusCode);
            await app.AsSecretariatAsync();
            using var _ = await new PortalBrowser(app).SignInWithCookieAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        }
        Assert.Equal(1, await instances.ReadAsync(db => db.Users.CountAsync(u => u.Email == SurveyApplication.SecretariatEmail)));
        Assert.Equal(1, await instances.ReadAsync(db => db.Consultations.CountAsync()));
        Assert.Equal(1, await instances.ReadAsync(db => db.DataProtectionKeys.CountAsync()));
    }
}
