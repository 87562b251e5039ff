using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

/// <summary>Who acted in an audit trail: the account's id, with its e-mail and name when the account still exists.</summary>
public sealed record HistoryActor(string UserId, string? Email, string? Name);

/// <summary>
/// One entry of a consultation's audit trail. Before and after are the field's values (instants in
/// ISO 8601 UTC, categories and weights as the API names them); by is null for the service itself.
/// </summary>
public sealed record ConsultationHistoryEntry(
    long Id,
    ConsultationAction Action,
    DateTimeOffset At,
    HistoryActor? By,
    string? Subject,
    string? Before,
    string? After,
    string? Reason);

/// <summary>A consultation's audit trail as the Secretariat reads it, with the accounts that acted named.</summary>
internal sealed class ConsultationHistory(SurveyDbContext db)
{
    /// <summary>Oldest first; null when there is no such consultation.</summary>
    public async Task<ConsultationHistoryEntry[]?> ReadAsync(Guid consultationId)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == consultationId))
            return null;
        var events = await db.ConsultationEvents.AsNoTracking().Where(e => e.ConsultationId == consultationId).OrderBy(e => e.Id).ToListAsync();
        var actors = await ActorsAsync(db, events.Select(e => e.UserId));
        return [.. events.Select(e => new ConsultationHistoryEntry(e.Id, e.Action, e.At.AsUtc(),
            e.UserId is null ? null : actors.GetValueOrDefault(e.UserId) ?? new HistoryActor(e.UserId, null, null),
            e.Subject, e.Before, e.After, e.Reason))];
    }

    /// <summary>The accounts of the ids that still exist, by id.</summary>
    public static async Task<Dictionary<string, HistoryActor>> ActorsAsync(SurveyDbContext db, IEnumerable<string?> userIds)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
            return [];
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new HistoryActor(u.Id, u.Email, u.DisplayName))
            .ToDictionaryAsync(a => a.UserId);
    }
}
