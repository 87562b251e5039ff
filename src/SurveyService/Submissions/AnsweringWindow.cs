using SurveyService.Consultations;

namespace SurveyService.Submissions;

/// <summary>Answers are taken only while the consultation is open, by the server's clock.</summary>
internal static class AnsweringWindow
{
    /// <summary>Why nothing can be saved or submitted now, or null while the consultation is open.</summary>
    public static SubmissionRefusal? RefusalAt(ConsultationSchedule schedule, DateTime now) => schedule.StatusAt(now) switch
    {
        ConsultationStatus.Open => null,
        ConsultationStatus.Scheduled => new SubmissionRefusal.NotOpenYet(schedule.OpensAt),
        ConsultationStatus.Closed => new SubmissionRefusal.Closed(schedule.ClosesAt,
            schedule.ClosedAt is { } at && at < schedule.ClosesAt ? at : null),
        // Respondents never reach a draft; refusing is the safe answer if one ever does.
        _ => new SubmissionRefusal.NoSuchConsultation(schedule.Id),
    };
}
