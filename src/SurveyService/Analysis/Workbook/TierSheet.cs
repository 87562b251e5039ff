using SurveyService.Data.Consultations;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// One tier's questions: respondents by category; for choice and scale questions counts by
/// category with unweighted and weighted shares; for text questions every answer with its
/// entity, category and weight, Member States first.
/// </summary>
internal static class TierSheet
{
    private static readonly double[] Widths = [36, 16, 14, 14, 14, 14, 14, 12, 14, 90, 90];

    public static async Task WriteAsync(XlsxWriter workbook, WorkbookInput input, QuestionTier tier, string name)
    {
        using var sheet = new SheetSeries(workbook, name, Widths, s =>
        {
            if (s.RowCount == 0 && !s.Name.Equals(name, StringComparison.Ordinal))
                s.Row(XCell.Label($"{name} (continued)", Style.Title));
        });
        sheet.Row(XCell.Label($"Tier {AnalysisWorkbookWriter.TierLabel(tier)}: questions addressed to "
            + AnalysisWorkbookWriter.Tiers.First(t => t.Tier == tier).AddressedTo, Style.Title));
        var questions = input.Summary.Questions.Where(q => q.Tier == tier).ToArray();
        if (questions.Length == 0)
            sheet.Row(XCell.Label("This consultation has no questions in this tier."));

        foreach (var question in questions)
        {
            sheet.Row();
            sheet.Row(XCell.Bold(question.Code), new XCell(question.Text, null, Style.Bold));
            sheet.Row([XCell.Bold("Respondents"), .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Bold(c.ToString())), XCell.Bold("Total")]);
            sheet.Row([XCell.Label("answered"), .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Of(question.Respondents.ByCategory.GetValueOrDefault(c))),
                XCell.Of(question.Respondents.Total)]);
            if (question.Type == QuestionType.Text)
                await WriteTextAnswersAsync(sheet, input, question);
            else
                WriteOptions(sheet, question);
        }
    }

    private static void WriteOptions(SheetSeries sheet, QuestionSummary question)
    {
        sheet.Row([XCell.Bold(question.Type == QuestionType.Scale ? "Value" : "Option"), XCell.Bold("Count"),
            .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Bold(c.ToString())), XCell.Bold("Share"), XCell.Bold("Weighted share")]);
        foreach (var option in question.Options)
        {
            sheet.Row([XCell.Label(option.Option), XCell.Of(option.Count),
                .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Of(option.ByCategory.GetValueOrDefault(c))),
                XCell.Percent(option.Share), XCell.Percent(option.WeightedShare)]);
        }
    }

    private static async Task WriteTextAnswersAsync(SheetSeries sheet, WorkbookInput input, QuestionSummary question)
    {
        sheet.Row([XCell.Bold("Entity"), XCell.Bold("Category"), XCell.Bold("Weight"), XCell.Bold("Note"), .. Pad(5), XCell.Bold("Answer")]);
        await foreach (var row in input.Rows.ForQuestionAsync(question.QuestionId))
        {
            var (note, parts) = AnalysisWorkbookWriter.AnswerCells(row.Text ?? "");
            // Answer text sits in the wide column J onwards so the figures' columns stay narrow.
            sheet.Row([XCell.Label(row.EntityName), XCell.Label(row.Category.ToString()),
                XCell.Of((double)input.Summary.Weights[row.Category], Style.Decimal), note, .. Pad(5), .. parts]);
        }
    }

    private static XCell[] Pad(int count) => Enumerable.Repeat(XCell.Empty, count).ToArray();
}
