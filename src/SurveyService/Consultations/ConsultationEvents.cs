using System.Globalization;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Consultations;

/// <summary>
/// The consultation's audit trail as its use cases write it: who (null for the service itself,
/// e.g. the close at the deadline), what, when, the value before and after, and the reason given.
/// Each entry is added to the same unit of work as the change it records.
/// </summary>
internal static class ConsultationEvents
{
    /// <summary>The longest Before or After kept (the column's size); a longer text is cut, its start kept.</summary>
    public const int MaxValue = 4_000;

    public static ConsultationEvent Of(Guid consultationId, ConsultationAction action, StaffMember? by, DateTime at, string? subject = null,
        string? before = null, string? after = null, string? reason = null) => new()
    {
        ConsultationId = consultationId,
        Action = action,
        At = at,
        UserId = by?.UserId,
        Subject = subject,
        Before = Fit(before),
        After = Fit(after),
        Reason = reason,
    };

    /// <summary>An instant as the trail keeps it: ISO 8601 in UTC, to the tick, so that it reads back exactly.</summary>
    public static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An instant kept by <see cref="Instant"/>, or null when the text is none.</summary>
    public static DateTime? ReadInstant(string? kept) =>
        DateTime.TryParse(kept, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    /// <summary>Categories as the API names them, in their order: "MemberState, Academia".</summary>
    public static string Categories(IEnumerable<RespondentCategory> categories) => string.Join(", ", categories.Distinct().Order());

    /// <summary>Every category's weight as the API names them: "MemberState=1, SectorMember=0.5".</summary>
    public static string Weights(IReadOnlyDictionary<RespondentCategory, decimal> weights) =>
        string.Join(", ", weights.OrderBy(w => w.Key).Select(w => $"{w.Key}={w.Value.ToString("0.####", CultureInfo.InvariantCulture)}"));

    private static string? Fit(string? value)
    {
        if (value is not { Length: > MaxValue })
            return value;
        var keep = MaxValue - 1;
        if (char.IsHighSurrogate(value[keep - 1]))
            keep--;
        return value[..keep] + "…";
    }
}
