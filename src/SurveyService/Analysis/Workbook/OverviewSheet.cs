namespace SurveyService.Analysis.Workbook;

internal static class OverviewSheet
{
    public static void Write(XlsxWriter workbook, WorkbookInput input, Data.QuestionTier? scope)
    {
        var c = input.Consultation;
        var s = input.Summary;
        using var sheet = workbook.AddSheet("Overview", [28, 60, 18, 18, 16]);
        sheet.Row(XCell.Label("Analysis: " + c.Title, Style.Title));
        sheet.Blank();
        sheet.Row(XCell.Bold("Consultation"), XCell.Label(c.Title));
        sheet.Row(XCell.Bold("Consultation id"), XCell.Label(c.Id.ToString()));
        sheet.Row(XCell.Bold("Opens"), XCell.Instant(c.OpensAt));
        sheet.Row(XCell.Bold("Closes (deadline)"), XCell.Instant(c.ClosesAt));
        sheet.Row(XCell.Bold("Closed"), c.ClosedAt is null ? XCell.Label("not closed") : XCell.Instant(c.ClosedAt));
        sheet.Row(XCell.Bold("Compiled"), XCell.Instant(s.GeneratedAt.UtcDateTime));
        sheet.Row(XCell.Bold("Compiled from"), XCell.Label(
            $"{s.Submissions} submissions (the latest submitted version of each entity's submission; drafts never count); "
            + $"{s.ScreenedOut} answers screened out as not related to the question and left out of the figures."));
        sheet.Row(XCell.Bold("Scope"), XCell.Label(scope is { } only
            ? $"Tier {AnalysisWorkbookWriter.TierLabel(only)} only: nothing from the other tiers is in this workbook."
            : "All tiers"));
        sheet.Blank();

        sheet.Row(XCell.Bold("Weights used"), XCell.Bold("Weight"));
        foreach (var category in AnalysisWorkbookWriter.Categories)
            sheet.Row(XCell.Label(category.ToString()), XCell.Of((double)s.Weights[category], Style.Decimal));
        sheet.Blank();

        sheet.Row(XCell.Bold("Respondents by category"), XCell.Bold("Respondents"), XCell.Bold("Eligible entities"), XCell.Bold("Response rate"));
        foreach (var category in AnalysisWorkbookWriter.Categories)
        {
            var respondents = input.Respondents.GetValueOrDefault(category);
            if (!c.EligibleCategories.Contains(category))
            {
                sheet.Row(XCell.Label(category.ToString()), XCell.Of(respondents), XCell.Label("not eligible"));
                continue;
            }
            var eligible = input.RegisteredEntities.GetValueOrDefault(category);
            sheet.Row(XCell.Label(category.ToString()), XCell.Of(respondents), XCell.Of(eligible),
                Rate(ResponseRate.Of(respondents, eligible)));
        }
        var totalRespondents = input.Respondents.Values.Sum();
        var totalEligible = c.EligibleCategories.Sum(category => input.RegisteredEntities.GetValueOrDefault(category));
        sheet.Row(XCell.Bold("Total"), XCell.Of(totalRespondents), XCell.Of(totalEligible),
            Rate(ResponseRate.Of(totalRespondents, totalEligible)));
        sheet.Blank();

        sheet.Row(XCell.Bold("Tiers"), XCell.Bold("Addressed to"), XCell.Bold("Sheet"));
        foreach (var tier in AnalysisWorkbookWriter.Tiers)
            sheet.Row(XCell.Label($"{tier.Numeral} {tier.Tier}"), XCell.Label(tier.AddressedTo),
                XCell.Label(scope is null || scope == tier.Tier ? tier.Sheet : "not in this workbook"));
        sheet.Blank();
        sheet.Row(XCell.Label("Share: respondents who chose an option / respondents who answered the question. "
            + "Weighted share: the same with each respondent counted at its category's weight. Shares of a multiple-choice question may add up to more than 100%. "
            + $"Both are rounded to {WeightedShares.ShareDecimals} decimal places (a hundredth of a percent), the same in the summary."));
    }

    private static XCell Rate(double? rate) => rate is { } value ? XCell.Percent(value) : XCell.Empty;
}
