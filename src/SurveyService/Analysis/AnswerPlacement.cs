using System.Globalization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;

namespace SurveyService.Analysis;

/// <summary>Why an answer is left out of the figures: the analysis reports it rather than failing or losing it.</summary>
public enum UnplacedReason
{
    /// <summary>The respondent's category has no usable weight (a category unknown to this version, or a weight out of range).</summary>
    NoWeight,

    /// <summary>The scale's bounds cannot be listed (the lower above the upper, or more points than a scale may have).</summary>
    UnusableScale,

    /// <summary>A scale answer without a value.</summary>
    NoValue,

    /// <summary>A scale value outside the question's bounds.</summary>
    OutsideTheScale,

    /// <summary>A choice answer without a choice.</summary>
    NoChoice,

    /// <summary>More than one choice to a single-choice question.</summary>
    SeveralChoices,

    /// <summary>A choice that is not among the question's options.</summary>
    NotAnOption,
}

/// <summary>
/// Where an answer counts in the figures, or why it cannot. Validation keeps such answers out
/// today, but what an earlier version stored before those checks is read all the same:
/// each is left out of the shares (numerator and denominator alike) and counted with its reason,
/// so that what the shares stand on is said, and one odd answer never fails the whole compile.
/// </summary>
internal static class AnswerPlacement
{
    /// <summary>What an answer counts for: the options it chose (none for text), or why it counts for nothing.</summary>
    public readonly record struct Placed(IReadOnlyCollection<string> Options, decimal Weight, UnplacedReason? Unplaced);

    /// <summary>Choice questions list their options; a Scale lists each value as an option, written as its number; null when the scale cannot be listed.</summary>
    public static IReadOnlyList<string>? OptionsOf(Question question) => question.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice => question.Options ?? [],
        QuestionType.Scale => ScaleOf(question) is { } scale ? [.. Enumerable.Range(scale.Min, scale.Max - scale.Min + 1).Select(Number)] : null,
        _ => [],
    };

    public static Placed Place(Question question, IReadOnlyDictionary<RespondentCategory, decimal> weights, RespondentCategory category,
        List<string>? choices, int? value)
    {
        if (ReasonNotPlaced(question, weights, category, choices, value) is { } reason)
            return new([], 0, reason);
        IReadOnlyCollection<string> options = question.Type switch
        {
            QuestionType.Scale => [Number(value!.Value)],
            QuestionType.SingleChoice or QuestionType.MultipleChoice => choices!.Distinct().ToArray(),
            _ => [],
        };
        return new(options, weights[category], null);
    }

    /// <summary>Why the answer cannot be placed, or null when it can; allocates nothing, as the Responses sheet asks it of every row.</summary>
    public static UnplacedReason? ReasonNotPlaced(Question question, IReadOnlyDictionary<RespondentCategory, decimal> weights, RespondentCategory category,
        List<string>? choices, int? value)
    {
        if (!weights.TryGetValue(category, out var weight) || weight is < 0 or > CategoryWeights.MaxWeight)
            return UnplacedReason.NoWeight;
        switch (question.Type)
        {
            case QuestionType.Scale:
                if (ScaleOf(question) is not { } scale)
                    return UnplacedReason.UnusableScale;
                if (value is not { } v)
                    return UnplacedReason.NoValue;
                return v < scale.Min || v > scale.Max ? UnplacedReason.OutsideTheScale : null;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                if (choices is null or [])
                    return UnplacedReason.NoChoice;
                if (question.Type == QuestionType.SingleChoice && choices.Exists(c => c != choices[0]))
                    return UnplacedReason.SeveralChoices;
                // A multiple choice with one option unknown is left out whole: counting only the known part would say less than was answered.
                var options = question.Options ?? [];
                return choices.TrueForAll(options.Contains) ? null : UnplacedReason.NotAnOption;
            default:
                return null;
        }
    }

    /// <summary>The reason as the workbook says it.</summary>
    public static string Describe(UnplacedReason reason) => reason switch
    {
        UnplacedReason.NoWeight => "the respondent's category has no usable weight",
        UnplacedReason.UnusableScale => "the question's scale bounds cannot be listed",
        UnplacedReason.NoValue => "no value given",
        UnplacedReason.OutsideTheScale => "a value outside the scale",
        UnplacedReason.NoChoice => "no choice given",
        UnplacedReason.SeveralChoices => "several choices to a single-choice question",
        UnplacedReason.NotAnOption => "a choice not among the question's options",
        _ => reason.ToString(),
    };

    /// <summary>The bounds (1 to 5 when not set), or null when they cannot be listed; in long, so that bounds near the integer limits cannot overflow.</summary>
    private static (int Min, int Max)? ScaleOf(Question question)
    {
        var (min, max) = (question.ScaleMin ?? AddQuestionRequest.DefaultScaleMin, question.ScaleMax ?? AddQuestionRequest.DefaultScaleMax);
        return min <= max && (long)max - min < AddQuestionRequest.MaxScalePoints ? (min, max) : null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
