using SurveyService.Data.Consultations;

namespace SurveyService.Analysis;

/// <summary>
/// The weighted-share rule (DESIGN.md), counted as answers stream past. For an option o of question q: share = respondents who chose o
/// / respondents who answered q; weighted share = Σ weight(category) over those who chose o /
/// Σ weight(category) over those who answered q. Multiple-choice shares may add up to more than 1.
/// Answers that cannot be placed (<see cref="AnswerPlacement"/>) are in neither, and counted apart.
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

    private readonly Dictionary<Guid, Question> _questions = questions.ToDictionary(q => q.Id);
    private readonly Dictionary<Guid, Tally> _answered = questions.ToDictionary(q => q.Id, _ => new Tally());
    private readonly Dictionary<(Guid, string), Tally> _chosen = [];
    private readonly Dictionary<(Guid, UnplacedReason), int> _unplaced = [];
    private readonly Dictionary<(Guid, string), Tally> _themed = [];

    /// <summary>Answers to questions the analysis does not list (a type or tier this version does not know): none is lost without a word.</summary>
    public int Unlisted { get; private set; }

    /// <summary>Every answer left out of the figures: those <see cref="AnswerPlacement"/> cannot place, and those to questions not listed.</summary>
    public int Unplaced => _unplaced.Values.Sum() + Unlisted;

    public void Add(Guid questionId, RespondentCategory category, List<string>? choices, int? value)
    {
        if (!_questions.TryGetValue(questionId, out var question))
        {
            Unlisted++;
            return;
        }
        var placed = AnswerPlacement.Place(question, weights, category, choices, value);
        if (placed.Unplaced is { } reason)
        {
            _unplaced[(questionId, reason)] = _unplaced.GetValueOrDefault((questionId, reason)) + 1;
            return;
        }
        _answered[questionId].Add(category, placed.Weight);
        foreach (var option in placed.Options)
        {
            if (!_chosen.TryGetValue((questionId, option), out var tally))
                _chosen[(questionId, option)] = tally = new Tally();
            tally.Add(category, placed.Weight);
        }
    }

    /// <summary>
    /// A theme an analyst put on a related text answer (<see cref="Themes.ThemeTagging"/>): counted
    /// as an option of its question, over the same respondents who answered it, with the same weight.
    /// </summary>
    public void AddTheme(Guid questionId, RespondentCategory category, string theme)
    {
        if (!_questions.TryGetValue(questionId, out var question) || question.Type != QuestionType.Text)
            return;
        var placed = AnswerPlacement.Place(question, weights, category, null, null);
        if (placed.Unplaced is not null)
            return;
        if (!_themed.TryGetValue((questionId, theme), out var tally))
            _themed[(questionId, theme)] = tally = new Tally();
        tally.Add(category, placed.Weight);
    }

    public QuestionSummary[] Summarize() => [.. questions.Select(Summarize)];

    private QuestionSummary Summarize(Question question)
    {
        var answered = _answered[question.Id];
        var options = (AnswerPlacement.OptionsOf(question) ?? []).Select(option =>
        {
            var chosen = _chosen.GetValueOrDefault((question.Id, option)) ?? new Tally();
            return new OptionSummary(option, chosen.Count, Sorted(chosen.ByCategory),
                Share(chosen.Count, answered.Count), Share(chosen.Weight, answered.Weight));
        });
        var unplaced = Enum.GetValues<UnplacedReason>()
            .Where(reason => _unplaced.ContainsKey((question.Id, reason)))
            .Select(reason => new UnplacedCount(reason, _unplaced[(question.Id, reason)]));
        var themes = _themed.Where(pair => pair.Key.Item1 == question.Id).OrderBy(pair => pair.Key.Item2, StringComparer.OrdinalIgnoreCase)
            .Select(pair => new OptionSummary(pair.Key.Item2, pair.Value.Count, Sorted(pair.Value.ByCategory),
                Share(pair.Value.Count, answered.Count), Share(pair.Value.Weight, answered.Weight)));
        return new QuestionSummary(question.Id, question.Code, question.Tier, question.Type, question.Text,
            new RespondentCount(answered.Count, Sorted(answered.ByCategory)), [.. options], [.. unplaced], [.. themes]);
    }

    private static double Share(decimal part, decimal whole) =>
        whole == 0 ? 0 : (double)Math.Round(part / whole, ShareDecimals, MidpointRounding.AwayFromZero);

    private static Dictionary<RespondentCategory, int> Sorted(Dictionary<RespondentCategory, int> counts) =>
        counts.OrderBy(pair => pair.Key).ToDictionary(pair => pair.Key, pair => pair.Value);
}
