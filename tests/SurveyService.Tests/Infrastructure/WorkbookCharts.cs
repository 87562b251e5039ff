using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace SurveyService.Tests.Infrastructure;

public sealed record ChartSeriesRead(string Name, string CategoryReference, string ValueReference, string[] CategoryCache, double[] ValueCache);

/// <summary>A chart as a workbook file holds it: its sheet, part, title, bar direction, the cells its anchor spans (0-based) and its series.</summary>
public sealed record ChartRead(string Sheet, string Part, string Title, string Direction, string? Description,
    int FromColumn, int FromRow, int ToColumn, int ToRow, ChartSeriesRead[] Series);

/// <summary>Reads every bar chart of a workbook file back with the Open XML SDK, sheet by sheet, in the order each drawing anchors them.</summary>
public static class WorkbookCharts
{
    public static IReadOnlyList<ChartRead> Read(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var book = document.WorkbookPart!;
        var charts = new List<ChartRead>();
        foreach (var sheet in book.Workbook.Sheets!.Elements<Sheet>())
        {
            var drawing = ((WorksheetPart)book.GetPartById(sheet.Id!)).DrawingsPart;
            if (drawing?.WorksheetDrawing is null)
                continue;
            foreach (var anchor in drawing.WorksheetDrawing.Elements<Xdr.TwoCellAnchor>())
            {
                var reference = anchor.Descendants<C.ChartReference>().SingleOrDefault();
                if (reference is null)
                    continue;
                var part = (ChartPart)drawing.GetPartById(reference.Id!);
                charts.Add(Chart(sheet.Name!, part, anchor));
            }
        }
        return charts;
    }

    // A name written as text (c:v), or as LibreOffice saves it: a literal formula with the text cached.
    private static string Name(C.SeriesText? text) =>
        text?.StringReference?.StringCache?.GetFirstChild<C.StringPoint>()?.NumericValue?.Text ?? text?.NumericValue?.Text ?? "";

    private static ChartRead Chart(string sheet, ChartPart part, Xdr.TwoCellAnchor anchor)
    {
        var space = part.ChartSpace;
        var bars = space.Descendants<C.BarChart>().Single();
        var title = string.Concat(space.GetFirstChild<C.Chart>()!.Title?.Descendants<A.Text>().Select(t => t.Text) ?? []);
        var series = bars.Elements<C.BarChartSeries>().Select(s =>
        {
            var categories = s.GetFirstChild<C.CategoryAxisData>()!;
            var values = s.GetFirstChild<C.Values>()!.NumberReference!;
            return new ChartSeriesRead(
                Name(s.SeriesText),
                categories.StringReference?.Formula?.Text ?? categories.NumberReference?.Formula?.Text ?? "",
                values.Formula!.Text,
                [.. (categories.StringReference?.StringCache?.Elements<C.StringPoint>() ?? []).OrderBy(p => p.Index!.Value).Select(p => p.NumericValue!.Text)],
                [.. (values.NumberingCache?.Elements<C.NumericPoint>() ?? []).OrderBy(p => p.Index!.Value)
                    .Select(p => double.Parse(p.NumericValue!.Text, System.Globalization.CultureInfo.InvariantCulture))]);
        }).ToArray();
        static int At(DocumentFormat.OpenXml.OpenXmlLeafTextElement? marker) => int.Parse(marker!.Text, System.Globalization.CultureInfo.InvariantCulture);
        var description = anchor.Descendants<Xdr.NonVisualDrawingProperties>().FirstOrDefault()?.Description?.Value;
        return new ChartRead(sheet, part.Uri.ToString(), title, bars.BarDirection!.Val!.Value.ToString(), description,
            At(anchor.FromMarker!.ColumnId), At(anchor.FromMarker.RowId), At(anchor.ToMarker!.ColumnId), At(anchor.ToMarker.RowId), series);
    }
}
