using SurveyService.Data.Consultations;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// One tier's questions: respondents by category; for choice and scale questions counts by
/// category with unweighted and weighted shares, and below them a native bar chart of both shares;
/// for text questions every answer right after its entity and category, then its weight, Member
/// States first.
/// </summary>
internal static class TierSheet
{
    // A to I hold the figures (option, count, five categories, two shares). A text answer is merged
    // over C to I, so it reads as one wide column beside its entity and category and the sheet stays
    // narrow enough to print; weight and a continuation note follow, then any further parts.
    private static readonly double[] Widths = [36, 16, 14, 14, 14, 14, 14, 12, 14, 10, 24, 90, 90];
    private const int AnswerFrom = 2, AnswerTo = 8, QuestionTo = 9;

    // Above a question's figures: a blank row, its code and text, and its respondents (header and counts).
    private const int HeadingRows = 4;

    public static async Task WriteAsync(XlsxWriter workbook, WorkbookInput input, QuestionTier tier, string name)
    {
        using var sheet = new SheetSeries(workbook, name, Widths, s =>
        {
            if (s.RowCount == 0 && !s.Name.Equals(name, StringComparison.Ordinal))
                s.MergedRow(0, QuestionTo, XCell.Label($"{name} (continued)", Style.Title));
        });
        sheet.MergedRow(0, QuestionTo, XCell.Label($"Tier {AnalysisWorkbookWriter.TierLabel(tier)}: questions addressed to "
            + AnalysisWorkbookWriter.Tiers.First(t => t.Tier == tier).AddressedTo, Style.Title));
        var questions = input.Summary.Questions.Where(q => q.Tier == tier).ToArray();
        if (questions.Length == 0)
            sheet.Row(XCell.Label("This consultation has no questions in this tier."));

        foreach (var question in questions)
        {
            // A question whose rows are known in advance starts on a next sheet rather than be parted from its table and chart.
            if (question.Type != QuestionType.Text)
                sheet.KeepTogether(HeadingRows + question.Unplaced.Length + OptionRows(question));
            sheet.Row();
            sheet.MergedRow(1, QuestionTo, XCell.Bold(question.Code), new XCell(question.Text, null, Style.BoldWrapped));
            sheet.Row([XCell.Bold("Respondents"), .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Bold(c.ToString())), XCell.Bold("Total")]);
            sheet.Row([XCell.Label("answered"), .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Of(question.Respondents.ByCategory.GetValueOrDefault(c))),
                XCell.Of(question.Respondents.Total)]);
            // Left out of the figures below, so said beside them: their categories are not counted, only their number.
            foreach (var unplaced in question.Unplaced)
                sheet.Row([XCell.Label("not placed: " + AnswerPlacement.Describe(unplaced.Reason)), .. Pad(AnalysisWorkbookWriter.Categories.Length),
                    XCell.Of(unplaced.Count)]);
            if (question.Type == QuestionType.Text)
                await WriteTextAnswersAsync(sheet, input, question);
            else
                WriteOptions(sheet, question);
        }
    }

    private static void WriteOptions(SheetSeries sheet, QuestionSummary question)
    {
        var horizontal = question.Type != QuestionType.Scale;
        var chartRows = BarChartRows(question.Options.Length, horizontal);
        // The table and the blank rows its chart is drawn over stay on one sheet: a chart refers to the cells of its own.
        var table = question.Options.Length > 0 ? sheet.KeepTogether(OptionRows(question)) : null;
        sheet.Row([XCell.Bold(horizontal ? "Option" : "Value"), XCell.Bold("Count"),
            .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Bold(c.ToString())), XCell.Bold("Share"), XCell.Bold("Weighted share")]);
        var firstRow = sheet.Current.RowCount + 1;
        foreach (var option in question.Options)
        {
            sheet.Row([XCell.Label(option.Option), XCell.Of(option.Count),
                .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Of(option.ByCategory.GetValueOrDefault(c))),
                XCell.Percent(option.Share), XCell.Percent(option.WeightedShare)]);
        }
        if (table is null)
            return;
        var shareColumn = 2 + AnalysisWorkbookWriter.Categories.Length;
        table.AddChart(new BarChart(
            $"{question.Code} {ShortText(question.Text)}",
            $"Bar chart of question {question.Code}: the share and the weighted share of respondents for each {(horizontal ? "option" : "value")}, "
                + "as in the table above it.",
            horizontal, firstRow, CategoryColumn: 0, [.. question.Options.Select(o => o.Option)],
            [
                new ChartSeries("Unweighted", shareColumn, [.. question.Options.Select(o => o.Share)]),
                new ChartSeries("Weighted", shareColumn + 1, [.. question.Options.Select(o => o.WeightedShare)]),
            ],
            AnchorRow: table.RowCount + 1, AnchorRows: chartRows,
            // A long scale's columns get the width of the whole table.
            AnchorColumns: horizontal || question.Options.Length <= 11 ? 6 : QuestionTo));
        for (var i = 0; i < chartRows; i++)
            table.Blank();
    }

    /// <summary>The option table's rows (its header, an option each) and the blank ones below it for its chart.</summary>
    private static int OptionRows(QuestionSummary question) =>
        1 + question.Options.Length + BarChartRows(question.Options.Length, question.Type != QuestionType.Scale);

    // Bars across grow with the options (two bars each); a scale's columns stand in a chart of one height.
    private static int BarChartRows(int options, bool horizontal) => horizontal ? Math.Clamp(6 + 2 * options, 14, 60) : 16;

    private const int TitleLength = 80;

    private static string ShortText(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length <= TitleLength)
            return oneLine;
        var cut = char.IsHighSurrogate(oneLine[TitleLength - 2]) ? TitleLength - 2 : TitleLength - 1;
        return oneLine[..cut].TrimEnd() + "…";
    }

    private static async Task WriteTextAnswersAsync(SheetSeries sheet, WorkbookInput input, QuestionSummary question)
    {
        var gap = Pad(AnswerTo - AnswerFrom);
        sheet.Row([XCell.Bold("Entity"), XCell.Bold("Category"), XCell.Bold("Answer"), .. gap, XCell.Bold("Weight"), XCell.Bold("Note")]);
        await foreach (var row in input.Rows.ForQuestionAsync(question.QuestionId))
        {
            var (note, parts) = AnalysisWorkbookWriter.AnswerCells(row.Text ?? "");
            sheet.MergedRow(AnswerFrom, AnswerTo, [XCell.Label(row.EntityName), XCell.Label(row.Category.ToString()), parts[0], .. gap,
                AnalysisWorkbookWriter.Weight(input, row.Category), note, .. parts.Skip(1)]);
        }
    }

    private static XCell[] Pad(int count) => Enumerable.Repeat(XCell.Empty, count).ToArray();
}
