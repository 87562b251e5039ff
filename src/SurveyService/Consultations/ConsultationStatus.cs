using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

public enum ConsultationStatus
{
    Draft,
    Scheduled,
    Open,
    Closed,
}

internal static class ConsultationClock
{
    /// <summary>
    /// Derived, never stored: a published consultation is Closed once the close has run or its
    /// deadline has passed on the server's clock, whichever the server sees first.
    /// </summary>
    public static ConsultationStatus StatusAt(this Consultation consultation, DateTime now) =>
        consultation.PublishedAt is null ? ConsultationStatus.Draft
        : consultation.ClosedAt is not null || now >= consultation.ClosesAt ? ConsultationStatus.Closed
        : now < consultation.OpensAt ? ConsultationStatus.Scheduled
        : ConsultationStatus.Open;

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>A stored instant (UTC) as it travels in JSON: with its zero offset.</summary>
    public static DateTimeOffset AsUtc(this DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
}
