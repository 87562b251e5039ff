using SurveyService.Problems;
using static SurveyService.Consultations.ConsultationRefusal;

namespace SurveyService.Consultations;

/// <summary>The API's door: each refusal as the problem+json of its status.</summary>
internal static class ConsultationProblems
{
    public static ProblemHttpResult For(ConsultationRefusal refusal) => refusal switch
    {
        ConsultationRefusal.NotFound(var id) => ConsultationEndpoints.NotFound(id),
        ScheduleFixedAfterClose(var closedAt) => Problem.Conflict($"The consultation closed at {closedAt:u}; its schedule can no longer change."),
        OpeningFixedOnceOpen(var openedAt) => Problem.Conflict($"The consultation opened at {openedAt:u}; opensAt can no longer change."),
        EligibilityFixedOncePublished => Problem.Conflict("Eligible categories are fixed once the consultation is published."),
        ClosesBeforeOpening(var opensAt, var closesAt) => Problem.Invalid("closesAt", $"closesAt ({closesAt:u}) must be after opensAt ({opensAt:u})."),
        DeadlineNotAhead(var id, var closesAt) => Problem.Invalid("closesAt",
            $"closesAt ({closesAt:u}) is not in the future; to close now, use POST /api/consultations/{id}/close."),
        ReasonRequired(var closesAt, var newClosesAt) => Problem.Invalid("reason",
            $"Give the reason for moving the deadline from {closesAt:u} to {newClosesAt:u}: the consultation is published, so the audit trail keeps it and respondents are told the deadline moved."),
        AlreadyPublished(var at) => Problem.Conflict($"The consultation was already published at {at:u}."),
        NoQuestions => Problem.Conflict("The consultation has no questions yet; add at least one before publishing."),
        DeadlinePassed(var closesAt) => Problem.Conflict($"The deadline {closesAt:u} has already passed; move closesAt before publishing."),
        QuestionsFrozen(var at) => Problem.Conflict($"The consultation was published at {at:u}; its questions are frozen."),
        DuplicateQuestionCode(var code) => Problem.Conflict($"The consultation already has a question with the code '{code}'."),
        QuestionNotFound(var questionId) => Problem.NotFound($"The consultation has no question {questionId}."),
        QuestionOrderIncomplete(var count) => Problem.Invalid("questionIds",
            $"Name each of the consultation's {count} questions exactly once, in the new order."),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "A refusal without its problem."),
    };
}
