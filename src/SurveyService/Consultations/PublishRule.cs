using static SurveyService.Consultations.ConsultationRefusal;

namespace SurveyService.Consultations;

/// <summary>A draft is published once, with at least one question, before its deadline.</summary>
internal static class PublishRule
{
    public static ConsultationRefusal? RefusalOf(ConsultationSchedule draft, int questionCount, DateTime now) =>
        draft.PublishedAt is { } at ? new AlreadyPublished(at)
        : questionCount == 0 ? new NoQuestions()
        : draft.ClosesAt <= now ? new DeadlinePassed(draft.ClosesAt)
        : null;
}
