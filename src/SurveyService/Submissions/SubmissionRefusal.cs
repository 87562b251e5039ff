namespace SurveyService.Submissions;

/// <summary>
/// Why a respondent's read, save or submit was refused, in the domain's words. The API answers
/// each with its problem+json (<see cref="SubmissionProblems"/>); the portal with a page.
/// </summary>
internal abstract record SubmissionRefusal
{
    /// <summary>Staff and anonymous callers have no submission.</summary>
    public sealed record NotARespondent : SubmissionRefusal;

    /// <summary>No published consultation has this id (a draft is not there for respondents).</summary>
    public sealed record NoSuchConsultation(Guid ConsultationId) : SubmissionRefusal;

    public sealed record CategoryNotEligible(RespondentCategory Category) : SubmissionRefusal;

    public sealed record NotOpenYet(DateTime OpensAt) : SubmissionRefusal;

    /// <summary>Closed at the deadline, or earlier (ClosedEarlyAt) by the Secretariat.</summary>
    public sealed record Closed(DateTime ClosesAt, DateTime? ClosedEarlyAt) : SubmissionRefusal;

    /// <summary>An answer to a question the respondent's category is not asked.</summary>
    public sealed record QuestionOutsideTiers(string Code, QuestionTier Tier, RespondentCategory Category) : SubmissionRefusal;

    /// <summary>Answers that do not fit their questions, field by field; nothing was saved.</summary>
    public sealed record AnswersInvalid(IReadOnlyDictionary<string, string[]> Errors) : SubmissionRefusal;

    /// <summary>Required questions the respondent is asked and has not answered (codes in questionnaire order).</summary>
    public sealed record RequiredUnanswered(IReadOnlyList<string> Codes) : SubmissionRefusal;

    /// <summary>The entity has saved nothing for the consultation yet.</summary>
    public sealed record NothingSaved(bool Submitting) : SubmissionRefusal;

    /// <summary>A version was expected, but the entity has no submission yet.</summary>
    public sealed record NoVersionToMatch : SubmissionRefusal;

    /// <summary>The submission exists, and a save must say which version it replaces.</summary>
    public sealed record VersionRequired : SubmissionRefusal;

    /// <summary>The submission moved on since the writer read it; LastChange says who moved it, when and how.</summary>
    public sealed record ChangedSinceRead(int CurrentVersion, bool Submitting, LastChange? LastChange = null) : SubmissionRefusal;

    /// <summary>Another write to the same version won at the same moment.</summary>
    public sealed record ChangedConcurrently(bool Submitting) : SubmissionRefusal;

    /// <summary>Another focal point of the entity created its submission at the same moment.</summary>
    public sealed record CreatedConcurrently : SubmissionRefusal;
}

/// <summary>
/// The last change to a submission: who, when, and whether it was a submit. Named for a person
/// (ByEmail, ByCaller) only after the write, so that no read for it happens inside a write.
/// </summary>
internal sealed record LastChange(string UserId, DateTime At, bool Submitted, string? ByEmail = null, bool ByCaller = false);
