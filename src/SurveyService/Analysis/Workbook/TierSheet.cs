using SurveyService.Data.Consultations;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// One tier's questions: respondents by category; for choice and scale questions counts by
/// category with unweighted and weighted shares, and below them a native bar chart of both shares;
/// for text questions the themes analysts tagged, counted and charted as options are, then every
/// answer right after its entity and category, then its weight, Member States first.
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
            // A question whose rows are known in advance starts on a next sheet rather than be parted from its table and chart;
            // a text question's answers, streamed after its themes, may run on over the next sheets.
            var figures = question.Type == QuestionType.Text ? ThemeRows(question) : OptionRows(question);
            if (figures > 0)
                sheet.KeepTogether(HeadingRows + question.Unplaced.Length + figures);
            sheet.Row();
            sheet.MergedRow(1, QuestionTo, XCell.Bold(question.Code), new XCell(question.Text, null, Style.BoldWrapped));
            sheet.Row([XCell.Bold("Respondents"), .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Bold(c.ToString())), XCell.Bold("Total")]);
            sheet.Row([XCell.Label("answered"), .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Of(question.Respondents.ByCategory.GetValueOrDefault(c))),
                XCell.Of(question.Respondents.Total)]);
            // Left out of the figures below, so said beside them: their categories are not counted, only their number.
            foreach (var unplaced in question.Unplaced)
                sheet.Row([XCell.Label("not placed: " + AnswerPlacement.Describe(unplaced.Reason)), .. Pad(AnalysisWorkbookWriter.Categories.Length),
                    XCell.Of(unplaced.Count)]);
            if (question.Type != QuestionType.Text)
            {
                var horizontal = question.Type != QuestionType.Scale;
                WriteFigures(sheet, question.Options, horizontal ? "Option" : "Value", horizontal,
                    $"{question.Code} {ShortText(question.Text)}",
                    $"Bar chart of question {question.Code}: the share and the weighted share of respondents for each {(horizontal ? "option" : "value")}, "
                        + "as in the table above it.");
                continue;
            }
            if (question.Themes is { Length: > 0 } themes)
            {
                WriteFigures(sheet, themes, "Theme", horizontal: true,
                    $"{question.Code} themes: {ShortText(question.Text)}",
                    $"Bar chart of the themes analysts tagged in the answers to question {question.Code}: the share and the weighted share "
                        + "of respondents whose answer carries each theme, as in the table above it.");
            }
            await WriteTextAnswersAsync(sheet, input, question);
        }
    }

    /// <summary>
    /// A table of options (or a scale's values, or a text question's themes) counted by category with
    /// both shares, and below it a native bar chart of the two shares drawn from its cells.
    /// </summary>
    private static void WriteFigures(SheetSeries sheet, OptionSummary[] rows, string heading, bool horizontal, string title, string description)
    {
        var chartRows = BarChartRows(rows.Length, horizontal);
        // The table and the blank rows its chart is drawn over stay on one sheet: a chart refers to the cells of its own.
        var table = rows.Length > 0 ? sheet.KeepTogether(FigureRows(rows.Length, horizontal)) : null;
        sheet.Row([XCell.Bold(heading), XCell.Bold("Count"),
            .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Bold(c.ToString())), XCell.Bold("Share"), XCell.Bold("Weighted share")]);
        var firstRow = sheet.Current.RowCount + 1;
        foreach (var row in rows)
        {
            sheet.Row([XCell.Label(row.Option), XCell.Of(row.Count),
                .. AnalysisWorkbookWriter.Categories.Select(c => XCell.Of(row.ByCategory.GetValueOrDefault(c))),
                XCell.Percent(row.Share), XCell.Percent(row.WeightedShare)]);
        }
        if (table is null)
            return;
        var shareColumn = 2 + AnalysisWorkbookWriter.Categories.Length;
        table.AddChart(new BarChart(title, description, horizontal, firstRow, CategoryColumn: 0, [.. rows.Select(o => o.Option)],
            [
                new ChartSeries("Unweighted", shareColumn, [.. rows.Select(o => o.Share)]),
                new ChartSeries("Weighted", shareColumn + 1, [.. rows.Select(o => o.WeightedShare)]),
            ],
            AnchorRow: table.RowCount + 1, AnchorRows: chartRows,
            // A long scale's columns get the width of the whole table.
            AnchorColumns: horizontal || rows.Length <= 11 ? 6 : QuestionTo));
        for (var i = 0; i < chartRows; i++)
            table.Blank();
    }

    /// <summary>The option table's rows (its header, an option each) and the blank ones below it for its chart.</summary>
    private static int OptionRows(QuestionSummary question) => FigureRows(question.Options.Length, question.Type != QuestionType.Scale);

    /// <summary>A text question's theme table and chart, with the header of the answers below them: none without themes.</summary>
    private static int ThemeRows(QuestionSummary question) =>
        question.Themes is { Length: > 0 } themes ? FigureRows(themes.Length, horizontal: true) + 1 : 0;

    private static int FigureRows(int rows, bool horizontal) => 1 + rows + BarChartRows(rows, horizontal);

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
