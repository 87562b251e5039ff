using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Data.Submissions;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// Once armed, inserts the entity's submission from another connection at a chosen moment of the
/// service's next save: the race of two first saves, made to happen every time.
/// </summary>
public sealed class SubmissionCreatedMeanwhile(SurveyApplication app) : DbCommandInterceptor, IDbTransactionInterceptor
{
    public enum Moment
    {
        /// <summary>As the save's write begins its transaction: the other save was written first.</summary>
        BeforeTheWrite,

        /// <summary>Just before the save's own insert of the submission, after its write has looked for one.</summary>
        BeforeTheInsert,
    }

    private (Guid Consultation, Guid Entity, Moment Moment)? _armed;

    public bool Inserted { get; private set; }

    public void Arm(Guid consultationId, Guid entityId, Moment moment = Moment.BeforeTheInsert) => _armed = (consultationId, entityId, moment);

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (_armed is { Moment: Moment.BeforeTheWrite })
            await InsertAsync();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await BeforeTheInsertAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeforeTheInsertAsync(command);
        return result;
    }

    private async Task BeforeTheInsertAsync(DbCommand command)
    {
        if (_armed is { Moment: Moment.BeforeTheInsert } && command.CommandText.Contains("INSERT INTO \"Submissions\"", StringComparison.Ordinal))
            await InsertAsync();
    }

    private async Task InsertAsync()
    {
        var armed = _armed!.Value;
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
