namespace SurveyService.Analysis.Workbook;

/// <summary>One series of a bar chart: its name, the sheet column holding its values, and those values as the cells hold them.</summary>
internal sealed record ChartSeries(string Name, int Column, IReadOnlyList<double> Values);

/// <summary>
/// A native clustered bar chart of rows already written on its sheet: categories in one column and
/// each series in another, from FirstRow (1-based) down, one row per category. It is drawn over
/// rows the sheet left blank for it (from AnchorRow, 1-based, AnchorRows tall, AnchorColumns wide
/// from column A), so it never covers a figure. Columns are 0-based.
/// </summary>
internal sealed record BarChart(
    string Title,
    string Description,
    bool Horizontal,
    int FirstRow,
    int CategoryColumn,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    int AnchorRow,
    int AnchorRows,
    int AnchorColumns)
{
    public int LastRow => FirstRow + Categories.Count - 1;

    /// <summary>A reference Excel reads in a chart: absolute, the sheet's name always quoted.</summary>
    public static string Reference(string sheet, int column, int firstRow, int lastRow)
    {
        var col = SheetWriter.Column(column);
        return $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!${col}${firstRow}:${col}${lastRow}";
    }
}
