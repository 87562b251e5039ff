using SurveyService.Data.Submissions;

namespace SurveyService.Submissions;

/// <summary>The audit trail's entries: every change to a submission, who made it, when, at which version.</summary>
internal static class SubmissionEvents
{
    public static SubmissionEvent Of(Guid submissionId, SubmissionAction action, int version, string userId, DateTime at, int answers,
        Guid? submittedVersionId = null) => new()
    {
        SubmissionId = submissionId, Action = action, Version = version, At = at, UserId = userId, AnswerCount = answers,
        SubmittedVersionId = submittedVersionId,
    };
}
