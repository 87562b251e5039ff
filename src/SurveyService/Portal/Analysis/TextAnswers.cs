using System.Globalization;
using SurveyService.Analysis;

namespace SurveyService.Portal.Analysis;

/// <summary>A text answer as the results list it: who gave it and what it says.</summary>
internal sealed record ListedAnswer(Guid AnswerId, string EntityName, RespondentCategory Category, string Text);

/// <summary>How many of a question's answers there are (those the search found, when searching) and the ones on this page.</summary>
internal sealed record ListedAnswers(int Total, IReadOnlyList<ListedAnswer> Shown);

/// <summary>
/// The text answers that count (the latest submitted versions, screened-out ones left out as the
/// workbook leaves them out), Member States first, then the other categories in the contract's
/// order, then by entity name; optionally only those containing the words searched for.
/// </summary>
internal static class TextAnswers
{
    /// <summary>The longest search, in characters: a phrase, not a document.</summary>
    public const int LongestSearch = 200;

    public static async Task<Dictionary<Guid, ListedAnswers>> ReadAsync(SurveyDbContext db, Guid consultationId,
        IReadOnlyCollection<Guid> questionIds, string? search, int skip, int take)
    {
        var related = new AnswerRows(db, consultationId).Latest().Where(j => j.Answer.Related && questionIds.Contains(j.Answer.QuestionId));
        var listed = questionIds.ToDictionary(id => id, _ => (Total: 0, Shown: new List<ListedAnswer>()));
        if (search is null)
        {
            var counts = await related.GroupBy(j => j.Answer.QuestionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            foreach (var count in counts)
                listed[count.Key] = (count.Count, listed[count.Key].Shown);
            foreach (var id in questionIds.Where(id => listed[id].Total > skip))
                listed[id].Shown.AddRange(await Ordered(related.Where(j => j.Answer.QuestionId == id)).Skip(skip).Take(take)
                    .Select(j => new ListedAnswer(j.Answer.Id, j.Entity.Name, j.Entity.Category, j.Answer.Text ?? "")).ToListAsync());
        }
        else
        {
            // Matched here rather than in SQL: SQLite's lower() knows only ASCII, and a search must
            // ignore case in every script. The rows stream; only the page's answers are kept.
            var rows = Ordered(related).Select(j => new { j.Answer.QuestionId, Listed = new ListedAnswer(j.Answer.Id, j.Entity.Name, j.Entity.Category, j.Answer.Text ?? "") });
            await foreach (var row in rows.AsAsyncEnumerable())
            {
                if (!Contains(row.Listed.Text, search))
                    continue;
                var (total, shown) = listed[row.QuestionId];
                if (total >= skip && shown.Count < take)
                    shown.Add(row.Listed);
                listed[row.QuestionId] = (total + 1, shown);
            }
        }
        return listed.ToDictionary(pair => pair.Key, pair => new ListedAnswers(pair.Value.Total, pair.Value.Shown));
    }

    /// <summary>What was typed in the search box, or null for no search.</summary>
    public static string? Search(string? typed)
    {
        var search = typed?.Trim();
        return string.IsNullOrEmpty(search) ? null : search.Length > LongestSearch ? search[..LongestSearch] : search;
    }

    public static bool Contains(string text, string search) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, search, CompareOptions.IgnoreCase) >= 0;

    /// <summary>The start of a long answer, cut at a whole character as a reader sees it; null when the answer is short enough to show whole.</summary>
    public static string? Excerpt(string text, int length)
    {
        var elements = StringInfo.ParseCombiningCharacters(text);
        return elements.Length <= length ? null : text[..elements[length]].TrimEnd() + "…";
    }

    private static IOrderedQueryable<AnswerRows.Joined> Ordered(IQueryable<AnswerRows.Joined> answers) =>
        answers.OrderBy(j => j.Question.Order).ThenBy(AnswerRows.CategoryRank).ThenBy(j => j.Entity.Name).ThenBy(j => j.Entity.Id).ThenBy(j => j.Answer.Id);
}
