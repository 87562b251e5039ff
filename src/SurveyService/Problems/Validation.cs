namespace SurveyService.Problems;

/// <summary>A request body that can say what is wrong with it, field by field.</summary>
internal interface IValidatable
{
    void Validate(ValidationErrors errors);
}

internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
    }

    public void When(bool broken, string field, string message)
    {
        if (broken)
            Add(field, message);
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>Every check of a request body, for either door: its own rules, then no control characters in its texts.</summary>
internal static class RequestValidation
{
    public static void Check(IValidatable request, ValidationErrors errors)
    {
        request.Validate(errors);
        ControlCharacters.Check(request, errors);
    }
}

/// <summary>Answers 400 with field errors before the handler runs, for any <see cref="IValidatable"/> argument.</summary>
internal sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new ValidationErrors();
        foreach (var argument in context.Arguments)
        {
            if (argument is IValidatable validatable)
                RequestValidation.Check(validatable, errors);
        }
        return errors.IsEmpty ? await next(context) : TypedResults.ValidationProblem(errors.ToDictionary(),
            detail: "Some fields are missing or invalid; see errors.");
    }
}

internal static class ValidationExtensions
{
    /// <summary>Checks the request body before the handler, and says in the API's document that a 400 with field errors may come.</summary>
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ValidationFilter())
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
}
