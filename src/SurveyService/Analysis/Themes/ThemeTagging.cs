using SurveyService.Data.Analyses;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Analysis.Themes;

/// <summary>
/// Analysts name the themes of a consultation's text answers and tag each answer with several, so
/// that open text is counted by category, unweighted and weighted, as options are. A theme's name
/// is unique in its consultation (ignoring case); removing a theme removes its tags. Tags count at
/// the next compile.
/// </summary>
internal sealed class ThemeTagging(SurveyDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<ThemeOutcome> NameAsync(StaffMember analyst, Guid consultationId, string name)
    {
        var trimmed = name.Trim();
        var lowered = trimmed.ToLower();
        if (await db.Themes.AnyAsync(t => t.ConsultationId == consultationId && t.Name.ToLower() == lowered))
            return new ThemeOutcome.NameTaken(trimmed);
        var theme = new Theme { ConsultationId = consultationId, Name = trimmed, CreatedAt = clock.UtcNow(), CreatedBy = analyst.UserId };
        db.Themes.Add(theme);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two analysts naming the same theme at once: the unique index keeps one.
            return new ThemeOutcome.NameTaken(trimmed);
        }
        return new ThemeOutcome.Named(theme);
    }

    /// <summary>The theme's tags go with it: the foreign key cascades (AnswerThemeConfiguration).</summary>
    public async Task<ThemeOutcome> RemoveAsync(Guid consultationId, Guid themeId) =>
        await db.Themes.Where(t => t.Id == themeId && t.ConsultationId == consultationId).ExecuteDeleteAsync() == 0
            ? new ThemeOutcome.ThemeNotFound(themeId)
            : new ThemeOutcome.Done();

    /// <summary>Tags the answer with the theme, or takes the tag off; doing either twice changes nothing more.</summary>
    public async Task<ThemeOutcome> TagAsync(StaffMember analyst, Guid consultationId, Guid answerId, Guid themeId, bool tagged)
    {
        if (!await db.Themes.AnyAsync(t => t.Id == themeId && t.ConsultationId == consultationId))
            return new ThemeOutcome.ThemeNotFound(themeId);
        var type = await (
            from a in db.SubmittedAnswers
            join v in db.SubmittedVersions on a.SubmittedVersionId equals v.Id
            join s in db.Submissions on v.SubmissionId equals s.Id
            join q in db.Questions on a.QuestionId equals q.Id
            where a.Id == answerId && s.ConsultationId == consultationId
            select (QuestionType?)q.Type).FirstOrDefaultAsync();
        if (type is null)
            return new ThemeOutcome.AnswerNotFound(answerId);
        if (type != QuestionType.Text)
            return new ThemeOutcome.NotATextAnswer(answerId);

        var existing = await db.AnswerThemes.FirstOrDefaultAsync(t => t.SubmittedAnswerId == answerId && t.ThemeId == themeId);
        if (tagged && existing is null)
            db.AnswerThemes.Add(new AnswerTheme { SubmittedAnswerId = answerId, ThemeId = themeId, TaggedBy = analyst.UserId, TaggedAt = clock.UtcNow() });
        else if (!tagged && existing is not null)
            db.AnswerThemes.Remove(existing);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (tagged)
        {
            // The same tag put on twice at once: it is there, which is what was asked.
        }
        return new ThemeOutcome.Done();
    }
}
