using SurveyService.Data.Submissions;
using SurveyService.Problems;

namespace SurveyService.Submissions;

/// <summary>Answers to save: with PUT the whole working copy (answers left out are no longer answered); with PATCH only those to change.</summary>
public sealed record SaveSubmissionRequest(AnswerInput?[]? Answers) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        if (Answers is null)
            errors.Add("answers", "Give answers, a list (it may be empty).");
        else
            AnswerRules.CheckShape(Answers, errors);
    }
}

/// <summary>One answer: text for Text questions, choices (option texts) for choice questions, value for Scale.</summary>
public sealed record AnswerInput(Guid? QuestionId, string? Text = null, string?[]? Choices = null, int? Value = null);

public sealed record AnswerResponse(Guid Id, Guid QuestionId, string? Text, string[]? Choices, int? Value)
{
    internal static AnswerResponse From(Answer answer) => new(answer.Id, answer.QuestionId, answer.Text, answer.Choices?.ToArray(), answer.Value);

    internal static AnswerResponse From(SubmittedAnswer answer) => new(answer.Id, answer.QuestionId, answer.Text, answer.Choices?.ToArray(), answer.Value);
}

public sealed record ReceiptResponse(Guid Id, int Version, DateTimeOffset SubmittedAt, string Digest)
{
    internal static ReceiptResponse From(SubmittedVersion version) => new(version.Id, version.Number, version.SubmittedAt.AsUtc(), version.Digest);
}

public sealed record SubmissionResponse(
    Guid Id,
    Guid ConsultationId,
    Guid EntityId,
    string Status,
    int Version,
    AnswerResponse[] Answers,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    int SubmittedVersion,
    DateTimeOffset? LastSubmittedAt,
    bool HasChangesSinceSubmit)
{
    /// <summary>The submission as it travels, with the latest submitted version's number (0: never submitted).</summary>
    internal static SubmissionResponse From(Submission submission, int submittedVersion) => new(
        submission.Id, submission.ConsultationId, submission.EntityId,
        submission.IsSubmitted ? "Submitted" : "Draft",
        submission.Version,
        [.. submission.Answers.OrderBy(a => a.QuestionId).Select(AnswerResponse.From)],
        submission.UpdatedAt.AsUtc(),
        submission.SubmittedAt is { } at ? at.AsUtc() : null,
        submittedVersion,
        submission.SubmittedAt is { } last ? last.AsUtc() : null,
        HasChangesSinceSubmit: submittedVersion > 0 && !submission.IsSubmitted);
}

public sealed record SubmitResponse(string Status, DateTimeOffset SubmittedAt, ReceiptResponse Receipt)
{
    internal static SubmitResponse From(SubmittedVersion version) => new("Submitted", version.SubmittedAt.AsUtc(), ReceiptResponse.From(version));
}

public sealed record SubmittedVersionResponse(Guid Id, int Version, DateTimeOffset SubmittedAt, string SubmittedBy, string Digest, AnswerResponse[] Answers);

public sealed record SubmissionEventResponse(long Id, Guid SubmissionId, Guid EntityId, string EntityName, string Action, int Version,
    DateTimeOffset At, string UserId, string? UserEmail, int AnswerCount, Guid? SubmittedVersionId);
