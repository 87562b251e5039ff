using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SurveyService.Tests;

/// <summary>Fails when the model has changes that no migration of a provider captures: add the migration for every provider.</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => new()
    {
        typeof(SurveyService.Migrations.Sqlite.DesignTimeFactory).AssemblyQualifiedName!,
        typeof(SurveyService.Migrations.SqlServer.DesignTimeFactory).AssemblyQualifiedName!,
        typeof(SurveyService.Migrations.PostgreSql.DesignTimeFactory).AssemblyQualifiedName!,
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryProviderHasAMigrationForTheCurrentModel(string factoryType)
    {
        var factory = (IDesignTimeDbContextFactory<SurveyDbContext>)Activator.CreateInstance(Type.GetType(factoryType, throwOnError: true)!)!;
        using var db = factory.CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes no migration captures for {db.Database.ProviderName}; run the migrations command in the README for every provider.");
    }
}
