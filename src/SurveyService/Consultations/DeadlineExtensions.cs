using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

/// <summary>
/// "The deadline initially set for the 21 January … extended until 31 January" (seed 002):
/// respondents are told a deadline was extended, from the deadline as published. That first
/// deadline is the one the audit trail's first extension moved from.
/// </summary>
internal static class DeadlineExtensions
{
    /// <summary>For each consultation of the ids that was ever extended, its deadline as published.</summary>
    public static async Task<Dictionary<Guid, DateTime>> FirstDeadlinesAsync(SurveyDbContext db, IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0)
            return [];
        var extensions = await db.ConsultationEvents.AsNoTracking()
            .Where(e => e.Action == ConsultationAction.DeadlineExtended && ids.Contains(e.ConsultationId))
            .OrderBy(e => e.Id)
            .Select(e => new { e.ConsultationId, e.Before })
            .ToListAsync();
        var firsts = new Dictionary<Guid, DateTime>();
        foreach (var extension in extensions)
            if (!firsts.ContainsKey(extension.ConsultationId) && ConsultationEvents.ReadInstant(extension.Before) is { } first)
                firsts[extension.ConsultationId] = first;
        return firsts;
    }

    /// <summary>
    /// The deadline as published when the current one is later: respondents read "extended from …
    /// to …". Moved back to it, or earlier, there is nothing extended to tell.
    /// </summary>
    public static DateTime? ExtendedFrom(Consultation consultation, DateTime first) => consultation.ClosesAt > first ? first : null;

    /// <summary>One consultation's first deadline when extended since; a draft has none to tell.</summary>
    public static async Task<DateTime?> ExtendedFromAsync(SurveyDbContext db, Consultation consultation) =>
        consultation.PublishedAt is null ? null
        : (await FirstDeadlinesAsync(db, [consultation.Id])).TryGetValue(consultation.Id, out var first) ? ExtendedFrom(consultation, first)
        : null;
}
