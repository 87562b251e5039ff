using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;

namespace SurveyService.Portal;

/// <summary>
/// A consultation's deadline as every page shows it (the home for its wording): the deadline, or
/// when it closed, and once extended, "Deadline extended from {first} to {current}" (seed 002:
/// "the deadline initially set for the 21 January … extended until 31 January").
/// </summary>
internal sealed record DeadlineShown(Consultation Consultation, ConsultationStatus Status, DateTime? ExtendedFrom)
{
    public IHtmlContent? Extended(IStringLocalizer t) => ExtendedFrom is { } from
        ? PortalSentence.Fill(t["Deadline extended from {0} to {1}", "{0}", "{1}"], PortalSentence.Time(from), PortalSentence.Time(Consultation.ClosesAt))
        : null;
}
