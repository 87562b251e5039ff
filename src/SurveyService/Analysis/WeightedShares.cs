using SurveyService.Data.Consultations;

namespace SurveyService.Analysis;

/// <summary>
/// The weighted-share rule (DESIGN.md), counted as answers stream past. For an option o of question q: share = respondents who chose o
/// / respondents who answered q; weighted share = Σ weight(category) over those who chose o /
/// Σ weight(category) over those who answered q. Multiple-choice shares may add up to more than 1.
/// </summary>
internal sealed class WeightedShares(IReadOnlyList<Question> questions, IReadOnlyDictionary<RespondentCategory, decimal> weights)
{
    /// <summary>
    /// Decimal places a share keeps: a hundredth of a percent, what a person reads (33.33%). Both shares
    /// are divided in decimal and rounded alike, so the same ratio never prints as two different
    /// doubles (0.3333333333333333 beside 0.33333333333333337) in the summary.
    /// </summary>
    public const int ShareDecimals = 4;

    private sealed class Tally
    {
        public readonly Dictionary<RespondentCategory, int> ByCategory = [];
        public int Count;
        public decimal Weight;

        public void Add(RespondentCategory category, decimal weight)
        {
            Count++;
            Weight += weight;
            ByCategory[category] = ByCategory.GetValueOrDefault(category) + 1;
        }
    }

    private readonly Dictionary<Guid, Tally> _answered = questions.ToDictionary(q => q.Id, _ => new Tally());
    private readonly Dictionary<(Guid, string), Tally> _chosen = [];

    public void Add(Guid questionId, RespondentCategory category, List<string>? choices, int? value)
    {
        if (!_answered.TryGetValue(questionId, out var answered))
            return;
        var weight = weights[category];
        answered.Add(category, weight);
        IEnumerable<string> options = value is { } v ? [v.ToString(System.Globalization.CultureInfo.InvariantCulture)] : choices?.Distinct() ?? [];
        foreach (var option in options)
        {
            if (!_chosen.TryGetValue((questionId, option), out var tally))
                _chosen[(questionId, option)] = tally = new Tally();
            tally.Add(category, weight);
        }
    }

    public QuestionSummary[] Summarize() => [.. questions.Select(Summarize)];

    private QuestionSummary Summarize(Question question)
    {
        var answered = _answered[question.Id];
        var options = OptionsOf(question).Select(option =>
        {
            var chosen = _chosen.GetValueOrDefault((question.Id, option)) ?? new Tally();
            return new OptionSummary(option, chosen.Count, Sorted(chosen.ByCategory),
                Share(chosen.Count, answered.Count), Share(chosen.Weight, answered.Weight));
        });
        return new QuestionSummary(question.Id, question.Code, question.Tier, question.Type, question.Text,
            new RespondentCount(answered.Count, Sorted(answered.ByCategory)), [.. options]);
    }

    private static double Share(decimal part, decimal whole) =>
        whole == 0 ? 0 : (double)Math.Round(part / whole, ShareDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Choice questions list their options; a Scale lists each value as an option, written as its number.</summary>
    public static IEnumerable<string> OptionsOf(Question question) => question.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice => question.Options,
        QuestionType.Scale => Enumerable.Range(question.ScaleMin ?? 1, (question.ScaleMax ?? 5) - (question.ScaleMin ?? 1) + 1)
            .Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => [],
    };

    private static Dictionary<RespondentCategory, int> Sorted(Dictionary<RespondentCategory, int> counts) =>
        counts.OrderBy(pair => pair.Key).ToDictionary(pair => pair.Key, pair => pair.Value);
}
