using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

/// <summary>
/// "Inputs are treated differently depending on whether they were submitted by a Member State, a
/// Sector Member, an Associate or a non-member": each consultation weighs each category.
/// </summary>
internal static class CategoryWeights
{
    /// <summary>A category without an explicit weight counts 1.</summary>
    public const decimal DefaultWeight = 1m;

    /// <summary>The heaviest weight a category may have; it keeps every sum of weights far from decimal's limit.</summary>
    public const decimal MaxWeight = 1000m;

    /// <summary>Every category's weight in the consultation (its weights must be loaded).</summary>
    public static Dictionary<RespondentCategory, decimal> Of(Consultation consultation) =>
        Enum.GetValues<RespondentCategory>().ToDictionary(
            category => category,
            category => consultation.Weights.FirstOrDefault(w => w.Category == category)?.Weight ?? DefaultWeight);

    /// <summary>Sets the weights given; categories not named keep theirs.</summary>
    public static void Apply(Consultation consultation, IReadOnlyDictionary<RespondentCategory, decimal> weights)
    {
        foreach (var (category, weight) in weights)
        {
            if (consultation.Weights.FirstOrDefault(w => w.Category == category) is { } existing)
                existing.Weight = weight;
            else
                consultation.Weights.Add(new CategoryWeight { Category = category, Weight = weight });
        }
    }
}
