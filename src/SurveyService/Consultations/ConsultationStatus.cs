namespace SurveyService.Consultations;

/// <summary>Derived from the schedule at an instant, never stored (see <see cref="ConsultationSchedule.StatusAt"/>).</summary>
public enum ConsultationStatus
{
    Draft,
    Scheduled,
    Open,
    Closed,
}
