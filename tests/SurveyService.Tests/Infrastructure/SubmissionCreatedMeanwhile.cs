using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Data.Submissions;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// Once armed, inserts the entity's submission from another connection just before the service's
/// own insert of it runs: the race of two first saves, made to happen every time.
/// </summary>
public sealed class SubmissionCreatedMeanwhile(SurveyApplication app) : DbCommandInterceptor
{
    private (Guid Consultation, Guid Entity)? _armed;

    public bool Inserted { get; private set; }

    public void Arm(Guid consultationId, Guid entityId) => _armed = (consultationId, entityId);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await InsertFirstAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await InsertFirstAsync(command);
        return result;
    }

    private async Task InsertFirstAsync(DbCommand command)
    {
        if (_armed is not { } armed || !command.CommandText.Contains("INSERT INTO \"Submissions\"", StringComparison.Ordinal))
            return;
        _armed = null;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        db.Submissions.Add(new Submission
        {
            ConsultationId = armed.Consultation, EntityId = armed.Entity, Version = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = "another focal point",
        });
        await db.SaveChangesAsync();
        Inserted = true;
    }
}
