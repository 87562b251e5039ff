using static SurveyService.Consultations.ConsultationRefusal;

namespace SurveyService.Consultations;

/// <summary>
/// Which changes a consultation's status allows: a draft changes freely; once published its
/// eligible categories are fixed; once open its opening is fixed, and a new deadline must be
/// ahead (seed 002: deadlines extended on request); once closed its schedule is fixed.
/// </summary>
internal static class ScheduleChange
{
    /// <summary>Why the change cannot be made now, or null when it can. A null opensAt or closesAt keeps the current one.</summary>
    public static ConsultationRefusal? RefusalOf(ConsultationSchedule current, DateTime? opensAt, DateTime? closesAt, bool changesEligibility,
        DateTime now)
    {
        var status = current.StatusAt(now);
        var (newOpensAt, newClosesAt) = (opensAt ?? current.OpensAt, closesAt ?? current.ClosesAt);
        if (status == ConsultationStatus.Closed && (closesAt is not null || opensAt is not null))
            return new ScheduleFixedAfterClose(current.ClosedAt ?? current.ClosesAt);
        if (opensAt is not null && newOpensAt != current.OpensAt && status == ConsultationStatus.Open)
            return new OpeningFixedOnceOpen(current.OpensAt);
        if (changesEligibility && status != ConsultationStatus.Draft)
            return new EligibilityFixedOncePublished();
        if (newClosesAt <= newOpensAt)
            return new ClosesBeforeOpening(newOpensAt, newClosesAt);
        if (status != ConsultationStatus.Draft && closesAt is not null && newClosesAt <= now)
            return new DeadlineNotAhead(current.Id, newClosesAt);
        return null;
    }
}
