using static SurveyService.Consultations.ConsultationRefusal;

namespace SurveyService.Consultations;

/// <summary>
/// Which changes a consultation's status allows: a draft changes freely; once published its
/// eligible categories are fixed; once open its opening is fixed, and a new deadline must be
/// ahead (seed 002: deadlines extended on request) and moving it needs a reason, which respondents'
/// "extended from … to …" and the audit trail keep; once closed its schedule is fixed.
/// </summary>
internal static class ScheduleChange
{
    /// <summary>
    /// Why the change cannot be made now, or null when it can. A null opensAt or closesAt keeps the
    /// current one; hasReason says whether the change comes with a reason that is not blank.
    /// </summary>
    public static ConsultationRefusal? RefusalOf(ConsultationSchedule current, DateTime? opensAt, DateTime? closesAt, bool changesEligibility,
        DateTime now, bool hasReason)
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
        if (current.PublishedAt is not null && newClosesAt != current.ClosesAt && !hasReason)
            return new ReasonRequired(current.ClosesAt, newClosesAt);
        return null;
    }
}
