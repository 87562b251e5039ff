namespace SurveyService.Consultations;

/// <summary>Why the Secretariat's change to a consultation was refused, in the domain's words.</summary>
internal abstract record ConsultationRefusal
{
    public sealed record NotFound(Guid ConsultationId) : ConsultationRefusal;

    public sealed record ScheduleFixedAfterClose(DateTime ClosedAt) : ConsultationRefusal;

    public sealed record OpeningFixedOnceOpen(DateTime OpenedAt) : ConsultationRefusal;

    public sealed record EligibilityFixedOncePublished : ConsultationRefusal;

    public sealed record ClosesBeforeOpening(DateTime OpensAt, DateTime ClosesAt) : ConsultationRefusal;

    /// <summary>A published consultation's new deadline must be ahead; closing now is its own request.</summary>
    public sealed record DeadlineNotAhead(Guid ConsultationId, DateTime ClosesAt) : ConsultationRefusal;

    /// <summary>Moving a published consultation's deadline needs a reason: the trail keeps it, respondents see the move.</summary>
    public sealed record ReasonRequired(DateTime ClosesAt, DateTime NewClosesAt) : ConsultationRefusal;

    public sealed record AlreadyPublished(DateTime PublishedAt) : ConsultationRefusal;

    public sealed record NoQuestions : ConsultationRefusal;

    public sealed record DeadlinePassed(DateTime ClosesAt) : ConsultationRefusal;

    public sealed record QuestionsFrozen(DateTime PublishedAt) : ConsultationRefusal;

    public sealed record DuplicateQuestionCode(string Code) : ConsultationRefusal;

    public sealed record QuestionNotFound(Guid QuestionId) : ConsultationRefusal;

    /// <summary>A new order must name each of the consultation's questions exactly once.</summary>
    public sealed record QuestionOrderIncomplete(int QuestionCount) : ConsultationRefusal;
}

/// <summary>What an authoring use case did: the consultation as it now is, or why nothing changed.</summary>
internal abstract record ConsultationOutcome
{
    public sealed record Done(Data.Consultations.Consultation Consultation, int QuestionCount) : ConsultationOutcome;

    public sealed record Refused(ConsultationRefusal Why) : ConsultationOutcome;
}
