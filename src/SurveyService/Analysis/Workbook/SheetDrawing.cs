using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// A sheet's drawing part (xl/drawings/drawingN.xml): where each of its charts sits, anchored to the
/// cells the sheet left blank for it, so it moves and grows with those rows and covers nothing else.
/// Chart i is the drawing's relationship <see cref="ChartRelationship"/>(i).
/// </summary>
internal static class SheetDrawing
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.drawing+xml";

    public static string ChartRelationship(int index) => $"rIdChart{index + 1}";

    public static Xdr.WorksheetDrawing Build(IReadOnlyList<BarChart> charts)
    {
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        for (var i = 0; i < charts.Count; i++)
            drawing.Append(Anchor(charts[i], i));
        return drawing;
    }

    private static Xdr.TwoCellAnchor Anchor(BarChart chart, int index)
    {
        var reference = new C.ChartReference { Id = ChartRelationship(index) };
        reference.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        reference.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        // Markers are 0-based: from the top of the first blank row to the top of the row after the last.
        return new Xdr.TwoCellAnchor(
            Marker(new Xdr.FromMarker(), 0, chart.AnchorRow - 1),
            Marker(new Xdr.ToMarker(), chart.AnchorColumns, chart.AnchorRow - 1 + chart.AnchorRows),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    // The description is the chart's alternative text, read out by screen readers.
                    new Xdr.NonVisualDrawingProperties { Id = (uint)index + 2, Name = $"Chart {index + 1}", Description = ExcelText.Clean(chart.Description) },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(reference) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = "" },
            new Xdr.ClientData());
    }

    private static T Marker<T>(T marker, int column, int row) where T : OpenXmlCompositeElement
    {
        marker.Append(
            new Xdr.ColumnId(column.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.ColumnOffset("0"),
            new Xdr.RowId(row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.RowOffset("0"));
        return marker;
    }
}
