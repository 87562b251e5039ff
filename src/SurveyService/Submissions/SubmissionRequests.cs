using SurveyService.Problems;

namespace SurveyService.Submissions;

/// <summary>The whole working copy: answers left out are no longer answered.</summary>
public sealed record SaveSubmissionRequest(AnswerInput?[]? Answers) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        if (Answers is null)
        {
            errors.Add("answers", "Give answers, a list (it may be empty).");
            return;
        }
        var seen = new HashSet<Guid>();
        for (var i = 0; i < Answers.Length; i++)
        {
            var answer = Answers[i];
            if (answer?.QuestionId is not { } questionId)
                errors.Add($"answers[{i}].questionId", "Give the questionId of each answer.");
            else if (!seen.Add(questionId))
                errors.Add($"answers[{i}].questionId", $"Question {questionId} is answered more than once.");
        }
    }
}

/// <summary>One answer: text for Text questions, choices (option texts) for choice questions, value for Scale.</summary>
public sealed record AnswerInput(Guid? QuestionId, string? Text, string?[]? Choices, int? Value);

public sealed record AnswerResponse(Guid Id, Guid QuestionId, string? Text, string[]? Choices, int? Value);

public sealed record ReceiptResponse(Guid Id, int Version, DateTimeOffset SubmittedAt, string Digest);

public sealed record SubmissionResponse(
    Guid Id,
    Guid ConsultationId,
    Guid EntityId,
    string Status,
    int Version,
    AnswerResponse[] Answers,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    int SubmittedVersions);

public sealed record SubmitResponse(string Status, DateTimeOffset SubmittedAt, ReceiptResponse Receipt);

public sealed record SubmittedVersionResponse(Guid Id, int Version, DateTimeOffset SubmittedAt, string SubmittedBy, string Digest, AnswerResponse[] Answers);

public sealed record SubmissionEventResponse(long Id, Guid SubmissionId, Guid EntityId, string EntityName, string Action, int Version,
    DateTimeOffset At, string UserId, string? UserEmail, int AnswerCount, Guid? SubmittedVersionId);
