namespace SurveyService;

/// <summary>How the service reads its clock and writes instants: UTC everywhere, with the offset in JSON.</summary>
internal static class Instants
{
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>A stored instant (UTC) as it travels in JSON: with its zero offset.</summary>
    public static DateTimeOffset AsUtc(this DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
}
