using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SurveyService.Data;

namespace SurveyService.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the model for this provider without starting the web host. The
/// connection string is a placeholder: adding a migration or scripting one never connects.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SurveyDbContext>
{
    public SurveyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SurveyDbContext>()
            .UseSqlServer("Server=localhost;Database=Survey;Trusted_Connection=True;TrustServerCertificate=True", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
