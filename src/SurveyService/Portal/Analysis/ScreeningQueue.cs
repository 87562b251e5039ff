using System.Globalization;
using SurveyService.Analysis;
using SurveyService.Problems;

namespace SurveyService.Portal.Analysis;

/// <summary>Which answers the queue shows: by question, tier, category, state and theme (null: all), and which page of them.</summary>
internal sealed record ScreeningFilter(Guid? QuestionId, QuestionTier? Tier, RespondentCategory? Category, bool? Related, int Page, Guid? ThemeId = null)
{
    /// <summary>The filter as the page's GET form sends it; a value the form cannot send is no filter.</summary>
    public static ScreeningFilter From(IQueryCollection query) => new(
        Guid.TryParse(query["question"], out var question) ? question : null,
        EnumName.TryParse<QuestionTier>(query["tier"], out var tier) ? tier : null,
        EnumName.TryParse<RespondentCategory>(query["category"], out var category) ? category : null,
        query["state"].ToString() switch { "related" => true, "not-related" => false, _ => null },
        int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 100_000 ? page : 1,
        Guid.TryParse(query["theme"], out var theme) ? theme : null);

    public string State => Related switch { true => "related", false => "not-related", _ => "" };

    /// <summary>The queue's address with this filter, at the given page: where a decision returns to.</summary>
    public string Address(Guid consultationId, int? page = null)
    {
        var parts = new List<string>();
        if (QuestionId is { } question)
            parts.Add($"question={question}");
        if (Tier is { } tier)
            parts.Add($"tier={tier}");
        if (Category is { } category)
            parts.Add($"category={category}");
        if (Related is not null)
            parts.Add($"state={State}");
        if (ThemeId is { } theme)
            parts.Add($"theme={theme}");
        if ((page ?? Page) is var number and > 1)
            parts.Add($"page={number.ToString(CultureInfo.InvariantCulture)}");
        return $"/analysis/{consultationId}/screening" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }
}

/// <summary>A text answer in the queue: who gave it, what it says, its screening now and every decision on it.</summary>
internal sealed record QueuedAnswer(Guid AnswerId, string QuestionCode, string EntityName, RespondentCategory Category, string Text,
    bool Related, string? Reason, string? ScreenedBy, DateTime? ScreenedAt, IReadOnlyList<ScreeningStep> History);

internal sealed record ScreeningPage(IReadOnlyList<QueuedAnswer> Answers, int Total);

/// <summary>
/// The analysts' screening queue: the text answers that count (each entity's latest submitted
/// version), in questionnaire order, Member States first within a question, then the other
/// categories in the contract's order, then by entity name.
/// </summary>
internal static class ScreeningQueue
{
    public const int PageSize = 25;

    public static async Task<ScreeningPage> ReadAsync(SurveyDbContext db, ScreenAnswer screening, Guid consultationId, ScreeningFilter filter)
    {
        var answers = new AnswerRows(db, consultationId).Latest().Where(j => j.Question.Type == QuestionType.Text);
        if (filter.QuestionId is { } question)
            answers = answers.Where(j => j.Question.Id == question);
        if (filter.Tier is { } tier)
            answers = answers.Where(j => j.Question.Tier == tier);
        if (filter.Category is { } category)
            answers = answers.Where(j => j.Entity.Category == category);
        if (filter.Related is { } related)
            answers = answers.Where(j => j.Answer.Related == related);
        if (filter.ThemeId is { } theme)
            answers = answers.Where(j => db.AnswerThemes.Any(t => t.SubmittedAnswerId == j.Answer.Id && t.ThemeId == theme));
        var total = await answers.CountAsync();
        var rows = await answers.OrderBy(j => j.Question.Order).ThenBy(AnswerRows.CategoryRank).ThenBy(j => j.Entity.Name).ThenBy(j => j.Entity.Id)
            .ThenBy(j => j.Answer.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(j => new
            {
                j.Answer.Id, j.Question.Code, j.Entity.Name, j.Entity.Category, j.Answer.Text, j.Answer.Related, j.Answer.ScreeningReason,
                j.Answer.ScreenedBy, j.Answer.ScreenedAt,
            })
            .ToListAsync();
        var history = (await screening.HistoryAsync(consultationId, [.. rows.Select(r => r.Id)])).ToLookup(step => step.AnswerId);
        // The latest decision's analyst, also for an answer screened before each decision was kept.
        var screeners = rows.Select(r => r.ScreenedBy).OfType<string>().Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => screeners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email);
        return new ScreeningPage([.. rows.Select(r => new QueuedAnswer(r.Id, r.Code, r.Name, r.Category, r.Text ?? "", r.Related, r.ScreeningReason,
            r.ScreenedBy is { } by ? emails.GetValueOrDefault(by) ?? by : null, r.ScreenedAt, [.. history[r.Id]]))], total);
    }
}
