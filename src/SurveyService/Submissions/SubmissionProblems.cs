using SurveyService.Consultations;
using SurveyService.Problems;
using static SurveyService.Submissions.SubmissionRefusal;

namespace SurveyService.Submissions;

/// <summary>The API's door: each refusal as the problem+json of its status (API.md, "Status codes that matter").</summary>
internal static class SubmissionProblems
{
    public static ProblemHttpResult For(SubmissionRefusal refusal) => refusal switch
    {
        NotARespondent => Problem.Forbidden("Only respondents (focal points of an entity) have submissions."),
        NoSuchConsultation(var id) => ConsultationEndpoints.NotFound(id),
        CategoryNotEligible(var category) => Problem.Forbidden($"Respondents of the category {category} are not eligible for this consultation."),
        NotOpenYet(var opensAt) => Problem.Conflict($"The consultation opens at {opensAt:u} (UTC); nothing can be saved before then."),
        Closed(var closesAt, { } closedAt) => Problem.Conflict(
            $"The consultation was closed at {closedAt:u} (UTC), before its deadline of {closesAt:u}; nothing more can be saved or submitted."),
        Closed(var closesAt, null) => Problem.Conflict(
            $"The consultation closed at its deadline, {closesAt:u} (UTC); nothing more can be saved or submitted."),
        QuestionOutsideTiers(var code, var tier, var category) => Problem.Forbidden(
            $"Question {code} is addressed to the {tier} tier; {category} respondents cannot answer it."),
        AnswersInvalid(var errors) => Problem.Invalid(errors, "Some answers are not valid; nothing was saved. See errors."),
        RequiredUnanswered(var codes) => Problem.Invalid(new Dictionary<string, string[]> { ["answers"] =
            [$"Required questions are not answered: {string.Join(", ", codes)}. Save answers to them, then submit."] }),
        NothingSaved(Submitting: false) => Problem.NotFound("Your entity has saved nothing for this consultation yet."),
        NothingSaved(Submitting: true) => Problem.NotFound(
            "Your entity has saved nothing for this consultation yet; save answers with PUT before submitting."),
        NoVersionToMatch => PreconditionFailed("Your entity has no submission yet, so no version can match If-Match; save without it."),
        VersionRequired => TypedResults.Problem("Your entity's submission already exists; send If-Match with the ETag of the version you edited, "
            + "so that no one else's saved work is overwritten.", statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required."),
        ChangedSinceRead(var current, _, { } last) => PreconditionFailed(
            $"The submission was {(last.Submitted ? "submitted" : "saved")} by {(last.ByCaller ? "you" : last.ByEmail ?? "another focal point")} "
            + $"at {last.At:u} (UTC), after the version you have; it is now at version {current} (ETag \"{current}\"). "
            + "Reload it, check your changes against it, and send them again with that ETag."),
        ChangedSinceRead(var current, Submitting: false, null) => PreconditionFailed(
            $"The submission was saved by someone else since you read it (it is now at version {current}); reload it, merge, and save again."),
        ChangedSinceRead(var current, Submitting: true, null) => PreconditionFailed(
            $"The submission changed since you read it (it is now at version {current}); review it and submit again."),
        ChangedConcurrently(Submitting: false) => PreconditionFailed(
            "The submission was saved by someone else at the same moment; reload it, merge, and save again."),
        ChangedConcurrently(Submitting: true) => PreconditionFailed(
            "The submission was changed by someone else at the same moment; review it and submit again."),
        CreatedConcurrently => Problem.Conflict("Another focal point of your entity created its submission at the same moment; "
            + "GET the submission and save again with its ETag in If-Match."),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "A refusal without its problem."),
    };

    /// <summary>If-Match that is not a list of entity tags: a client's mistake, not a version that matches none (that is 412).</summary>
    public static ProblemHttpResult UnreadableIfMatch() => TypedResults.Problem(
        "If-Match must name the version you edited as the ETag the service sent, quotes included: If-Match: \"3\" "
        + "(or If-Match: * for whichever version is saved). Nothing was saved or submitted.",
        statusCode: StatusCodes.Status400BadRequest, title: "The If-Match header cannot be read.");

    private static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "The submission has changed.");
}
