namespace SurveyService.Analysis.Themes;

/// <summary>A theme with how many answers carry it.</summary>
public sealed record ThemeListItem(Guid Id, string Name, int Answers);

/// <summary>The consultation's themes and the tags of its answers, as both doors read them.</summary>
internal sealed class ThemeReads(SurveyDbContext db)
{
    public async Task<ThemeListItem[]> ListAsync(Guid consultationId) =>
        await db.Themes.AsNoTracking().Where(t => t.ConsultationId == consultationId).OrderBy(t => t.Name)
            .Select(t => new ThemeListItem(t.Id, t.Name, db.AnswerThemes.Count(a => a.ThemeId == t.Id)))
            .ToArrayAsync();

    /// <summary>The themes of each of the given answers, by name.</summary>
    public async Task<ILookup<Guid, string>> OfAnswersAsync(IReadOnlyCollection<Guid> answerIds) =>
        (await db.AnswerThemes.AsNoTracking().Where(t => answerIds.Contains(t.SubmittedAnswerId))
            .Join(db.Themes, t => t.ThemeId, theme => theme.Id, (t, theme) => new { t.SubmittedAnswerId, theme.Name })
            .ToListAsync())
        .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
        .ToLookup(t => t.SubmittedAnswerId, t => t.Name);
}
