using SurveyService.Data.Consultations;
using SurveyService.Problems;

namespace SurveyService.Consultations;

public sealed record AddQuestionRequest(
    string? Code,
    string? Text,
    QuestionTier? Tier,
    QuestionType? Type,
    string[]? Options = null,
    bool? Required = null,
    int? MaxLength = null,
    int? ScaleMin = null,
    int? ScaleMax = null) : IValidatable
{
    public const int DefaultTextLength = 10_000;
    public const int LongestText = 100_000;
    public const int DefaultScaleMin = 1;
    public const int DefaultScaleMax = 5;
    public const int MaxScalePoints = 101;

    void IValidatable.Validate(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Code))
            errors.Add("code", "Give the question's code, e.g. \"3a\".");
        else if (Code.Length > 20)
            errors.Add("code", "The code is longer than 20 characters.");
        if (string.IsNullOrWhiteSpace(Text))
            errors.Add("text", "Give the question's text.");
        else if (Text.Length > 4_000)
            errors.Add("text", "The text is longer than 4,000 characters.");
        errors.When(Tier is null, "tier", "Give the tier: " + string.Join(", ", Enum.GetNames<QuestionTier>()) + ".");
        errors.When(Type is null, "type", "Give the type: " + string.Join(", ", Enum.GetNames<QuestionType>()) + ".");

        var options = Options ?? [];
        if (Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            errors.When(options.Length < 2, "options", $"A {Type} question needs at least two options.");
            errors.When(options.Any(string.IsNullOrWhiteSpace), "options", "Options cannot be empty.");
            errors.When(options.Any(o => o?.Length > 500), "options", "An option is longer than 500 characters.");
            // "a" and "a ", "Yes" and "yes" read as the same option to a person.
            errors.When(options.Select(o => o?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Length, "options",
                "Options must differ from each other (ignoring case and surrounding spaces).");
        }
        else
        {
            errors.When(options.Length > 0, "options", $"A {Type} question takes no options.");
        }

        // Every question carries maxLength in the contract: 0 or null on another type means "not applicable".
        errors.When(MaxLength is not (null or 0) && Type != QuestionType.Text, "maxLength", "maxLength applies to Text questions only; leave it out, null or 0.");
        errors.When(Type == QuestionType.Text && MaxLength is < 1 or > LongestText, "maxLength", $"maxLength must be from 1 to {LongestText}.");
        errors.When((ScaleMin ?? ScaleMax) is not null && Type != QuestionType.Scale, "scaleMin", "scaleMin and scaleMax apply to Scale questions only.");
        if (Type == QuestionType.Scale)
        {
            var (min, max) = (ScaleMin ?? DefaultScaleMin, ScaleMax ?? DefaultScaleMax);
            errors.When(max <= min, "scaleMax", $"scaleMax ({max}) must be above scaleMin ({min}).");
            // In long: bounds near the integer limits must not overflow past the check (and defeat the compile).
            errors.When((long)max - min >= MaxScalePoints, "scaleMax", $"A scale has at most {MaxScalePoints} points.");
        }
    }

    public Question ToQuestion(Guid consultationId, int order) => new()
    {
        ConsultationId = consultationId,
        Code = Code!.Trim(),
        Text = Text!.Trim(),
        Tier = Tier!.Value,
        Type = Type!.Value,
        Options = [.. (Options ?? []).Select(option => option.Trim())],
        Required = Required ?? false,
        MaxLength = Type == QuestionType.Text ? MaxLength ?? DefaultTextLength : null,
        ScaleMin = Type == QuestionType.Scale ? ScaleMin ?? DefaultScaleMin : null,
        ScaleMax = Type == QuestionType.Scale ? ScaleMax ?? DefaultScaleMax : null,
        Order = order,
    };
}

public sealed record QuestionResponse(
    Guid Id, string Code, string Text, QuestionTier Tier, QuestionType Type, string[] Options,
    bool Required, int? MaxLength, int? ScaleMin, int? ScaleMax, int Order)
{
    public static QuestionResponse From(Question q) =>
        new(q.Id, q.Code, q.Text, q.Tier, q.Type, [.. q.Options], q.Required, q.MaxLength, q.ScaleMin, q.ScaleMax, q.Order);
}
