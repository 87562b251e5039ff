using ClosedXML.Excel;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// What LibreOffice saved compared with what was written: every cell, then every chart. Headless,
/// LibreOffice repairs silently what it cannot read, so only this comparison shows a loss.
/// </summary>
public static class WorkbookRoundTrip
{
    public static void AssertKeptCellsAndCharts(byte[] written, byte[] saved, string label)
    {
        using (var ours = new XLWorkbook(new MemoryStream(written)))
        using (var theirs = new XLWorkbook(new MemoryStream(saved)))
        {
            Assert.Equal(ours.Worksheets.Select(s => s.Name), theirs.Worksheets.Select(s => s.Name));
            foreach (var cell in ours.Worksheets.SelectMany(s => s.CellsUsed(c => !c.IsEmpty())))
            {
                var kept = theirs.Worksheet(cell.Worksheet.Name).Cell(cell.Address.RowNumber, cell.Address.ColumnNumber);
                Assert.True(cell.DataType == XLDataType.Text ? cell.GetString() == kept.GetString() : cell.Value.Equals(kept.Value),
                    $"{label} workbook, {cell.Worksheet.Name}!{cell.Address}: LibreOffice saved '{kept.Value}' for '{cell.Value}'.");
            }
        }
        var mine = WorkbookCharts.Read(written);
        var resaved = WorkbookCharts.Read(saved);
        Assert.Equal(mine.Select(c => (c.Sheet, c.Title, c.Direction)), resaved.Select(c => (c.Sheet, c.Title, c.Direction)));
        foreach (var (chart, kept) in mine.Zip(resaved))
        {
            // LibreOffice writes its own caches from the cells the references point at.
            Assert.Equal(chart.Series.Select(s => (s.Name, s.CategoryReference, s.ValueReference)),
                kept.Series.Select(s => (s.Name, s.CategoryReference, s.ValueReference)));
            Assert.Equal(chart.Series.Select(s => s.ValueCache), kept.Series.Select(s => s.ValueCache));
            Assert.Equal(chart.Series.Select(s => s.CategoryCache), kept.Series.Select(s => s.CategoryCache));
        }
    }
}
