namespace SurveyService.Analysis.Themes;

/// <summary>The themes on the answers that count: related answers of each submission's latest submitted version.</summary>
internal static class ThemeRows
{
    public static IAsyncEnumerable<(Guid QuestionId, RespondentCategory Category, string Theme)> ForFiguresAsync(SurveyDbContext db, AnswerRows rows) =>
        (from j in rows.Latest()
         where j.Answer.Related
         join tag in db.AnswerThemes.AsNoTracking() on j.Answer.Id equals tag.SubmittedAnswerId
         join theme in db.Themes.AsNoTracking() on tag.ThemeId equals theme.Id
         select new ValueTuple<Guid, RespondentCategory, string>(j.Answer.QuestionId, j.Entity.Category, theme.Name))
        .AsAsyncEnumerable();
}
