using SurveyService.Data.Consultations;
using SurveyService.Questionnaires;

namespace SurveyService.Analysis.Workbook;

internal static class OverviewSheet
{
    public static void Write(XlsxWriter workbook, WorkbookInput input, QuestionTier? scope)
    {
        var c = input.Consultation;
        var s = input.Summary;
        // A tier's workbook speaks for the categories its tier admits: the others were never asked its
        // questions, so their respondents, entities and weights would only inflate its counts.
        var counted = scope is null ? AnalysisWorkbookWriter.Categories : TierRule.CategoriesAdmittedTo(scope.Value);
        var submissions = counted.Sum(category => input.Respondents.GetValueOrDefault(category));
        var screenedOut = scope is null ? s.ScreenedOut : input.ScreenedOutByTier.GetValueOrDefault(scope.Value);
        var unplaced = s.Questions.Where(q => scope is null || q.Tier == scope)
            .SelectMany(q => q.Unplaced.Select(u => (q.Code, u.Reason, u.Count))).ToArray();
        // Answers to questions the summary cannot list belong to no tier: the whole workbook says them.
        var unlisted = scope is null ? s.Unplaced - s.Questions.Sum(q => q.Unplaced.Sum(u => u.Count)) : 0;
        var notPlaced = unplaced.Sum(u => u.Count) + unlisted;
        using var sheet = workbook.AddSheet("Overview", [28, 60, 18, 18, 16]);
        // Long texts are merged over B to E (A to E for the title) and wrapped, so they print within the page.
        sheet.MergedRow(0, Last, XCell.Label("Analysis: " + c.Title, Style.Title));
        sheet.Blank();
        sheet.MergedRow(1, Last, XCell.Bold("Consultation"), Wrapped(c.Title));
        sheet.Row(XCell.Bold("Consultation id"), XCell.Label(c.Id.ToString()));
        sheet.Row(XCell.Bold("Opens"), XCell.Instant(c.OpensAt));
        sheet.Row(XCell.Bold("Closes (deadline)"), XCell.Instant(c.ClosesAt));
        sheet.Row(XCell.Bold("Closed"), c.ClosedAt is null ? XCell.Label("not closed") : XCell.Instant(c.ClosedAt));
        sheet.Row(XCell.Bold("Compiled"), XCell.Instant(s.GeneratedAt.UtcDateTime));
        sheet.MergedRow(1, Last, XCell.Bold("Compiled from"), Wrapped(
            $"{submissions} submissions (the latest submitted version of each entity's submission; drafts never count); "
            + $"{screenedOut} answers screened out as not related to the question and left out of the figures; "
            + $"{notPlaced} answers that could not be placed in the figures{(notPlaced > 0 ? " (listed below)" : "")}."));
        var themed = s.Questions.Where(q => (scope is null || q.Tier == scope) && q.Themes is { Length: > 0 }).ToArray();
        if (themed.Length > 0)
        {
            var themes = themed.SelectMany(q => q.Themes!.Select(t => t.Option)).Distinct(StringComparer.Ordinal).Count();
            sheet.MergedRow(1, Last, XCell.Bold("Themes"), Wrapped(
                $"{themes} {(themes == 1 ? "theme" : "themes")} tagged by analysts in the answers to {themed.Length} text "
                + $"{(themed.Length == 1 ? "question" : "questions")} ({string.Join(", ", themed.Select(q => q.Code))}); "
                + "each theme is counted under its question on the tier sheet as an option is: by the respondents whose answer carries it."));
        }
        sheet.MergedRow(1, Last, XCell.Bold("Scope"), Wrapped(scope is { } only
            ? $"Tier {AnalysisWorkbookWriter.TierLabel(only)} only: nothing from the other tiers is in this workbook."
            : "All tiers"));
        sheet.Blank();

        sheet.Row(XCell.Bold("Weights used"), XCell.Bold("Weight"));
        foreach (var category in counted)
            sheet.Row(XCell.Label(category.ToString()), XCell.Of((double)s.Weights[category], Style.Decimal));
        sheet.Blank();

        sheet.Row(XCell.Bold("Respondents by category"), XCell.Bold("Respondents"), XCell.Bold("Eligible entities"), XCell.Bold("Response rate"));
        foreach (var category in AnalysisWorkbookWriter.Categories)
        {
            var respondents = input.Respondents.GetValueOrDefault(category);
            if (!counted.Contains(category))
            {
                sheet.Row(XCell.Label(category.ToString()), XCell.Label("not admitted to this tier"));
                continue;
            }
            if (!c.EligibleCategories.Contains(category))
            {
                sheet.Row(XCell.Label(category.ToString()), XCell.Of(respondents), XCell.Label("not eligible"));
                continue;
            }
            var eligible = input.RegisteredEntities.GetValueOrDefault(category);
            sheet.Row(XCell.Label(category.ToString()), XCell.Of(respondents), XCell.Of(eligible),
                Rate(ResponseRate.Of(respondents, eligible)));
        }
        var totalEligible = c.EligibleCategories.Intersect(counted).Sum(category => input.RegisteredEntities.GetValueOrDefault(category));
        sheet.Row(XCell.Bold("Total"), XCell.Of(submissions), XCell.Of(totalEligible), Rate(ResponseRate.Of(submissions, totalEligible)));
        sheet.Blank();

        if (notPlaced > 0)
        {
            // Stored before today's checks: said here rather than failing the compile or vanishing.
            sheet.Row(XCell.Bold("Not in the figures"), XCell.Bold("Why"), XCell.Bold("Answers"));
            foreach (var (code, reason, count) in unplaced)
                sheet.Row(XCell.Label(code), XCell.Label(AnswerPlacement.Describe(reason)), XCell.Of(count));
            if (unlisted > 0)
                sheet.Row(XCell.Label("(not listed)"), XCell.Label("a question of a type or tier unknown to this version"), XCell.Of(unlisted));
            sheet.Blank();
        }

        sheet.Row(XCell.Bold("Tiers"), XCell.Bold("Addressed to"), XCell.Bold("Sheet"));
        foreach (var tier in AnalysisWorkbookWriter.Tiers)
            sheet.Row(XCell.Label($"{tier.Numeral} {tier.Tier}"), XCell.Label(tier.AddressedTo),
                XCell.Label(scope is null || scope == tier.Tier ? tier.Sheet : "not in this workbook"));
        sheet.Blank();
        sheet.MergedRow(1, Last, XCell.Bold("How to read"), Wrapped("Share: respondents who chose an option / respondents who answered the question. "
            + "Weighted share: the same with each respondent counted at its category's weight. Shares of a multiple-choice question may add up to more than 100%. "
            + $"Both are rounded to {WeightedShares.ShareDecimals} decimal places (a hundredth of a percent), the same in the summary. "
            + "An answer that cannot be placed (a choice not among the options, a value outside the scale) is in no share and counted apart."));
    }

    private const int Last = 4;

    private static XCell Wrapped(string text) => new(text, null, Style.Wrapped);

    private static XCell Rate(double? rate) => rate is { } value ? XCell.Percent(value) : XCell.Empty;
}
