namespace SurveyService.Problems;

/// <summary>The few problem answers that domain rules give, with a detail a person can act on.</summary>
internal static class Problem
{
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the current state.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>400 with one field's error; the detail repeats it.</summary>
    public static ProblemHttpResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>
    /// 400 with errors by field, as a validation problem (RFC 9457 with "errors"), typed as every
    /// other problem so that an endpoint's results stay one union.
    /// </summary>
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = detail ?? errors.Values.SelectMany(messages => messages).FirstOrDefault(),
        });
}
