using System.Globalization;
using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// A chart part (xl/charts/chartN.xml) for a <see cref="BarChart"/>: a clustered bar chart whose
/// categories and series are references into its sheet, each with a cache of what the cells hold
/// (readers that do not recalculate, and LibreOffice before it does, draw from the cache). Shares run
/// on a fixed 0 to 100% axis, so two questions' bars compare at a glance.
/// </summary>
internal static class ChartPart
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

    // Dark blue and dark orange: each at least 3:1 against white (WCAG 1.4.11), and apart in lightness
    // so a greyscale print still tells them apart; the legend and the value labels name them too.
    private static readonly string[] Colours = ["1F4E79", "C55A11"];
    private const string ShareFormat = "0.00%";
    private const uint CategoryAxisId = 1, ValueAxisId = 2;

    // Value labels beside every bar while they fit; a long scale's bars are too narrow for them.
    private const int MostLabelled = 12;

    public static C.ChartSpace Build(BarChart chart, string sheet)
    {
        var bars = new C.BarChart(
            new C.BarDirection { Val = chart.Horizontal ? C.BarDirectionValues.Bar : C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        for (var i = 0; i < chart.Series.Count; i++)
            bars.Append(Series(chart, sheet, i));
        if (chart.Categories.Count <= MostLabelled)
            bars.Append(ValueLabels());
        bars.Append(new C.GapWidth { Val = 60 }, new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });

        var space = new C.ChartSpace(
            new C.Date1904 { Val = false },
            // Absent, Excel draws the frame with rounded corners.
            new C.RoundedCorners { Val = false },
            new C.Chart(
                Title(chart.Title),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(new C.Layout(), bars, CategoryAxis(chart.Horizontal), ValueAxis(chart.Horizontal)),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

    private static C.BarChartSeries Series(BarChart chart, string sheet, int index)
    {
        var series = chart.Series[index];
        var categories = new C.StringCache(new C.PointCount { Val = (uint)chart.Categories.Count });
        for (var i = 0; i < chart.Categories.Count; i++)
            categories.Append(new C.StringPoint(new C.NumericValue(ExcelText.Sanitize(chart.Categories[i]))) { Index = (uint)i });
        var values = new C.NumberingCache(new C.FormatCode(ShareFormat), new C.PointCount { Val = (uint)series.Values.Count });
        for (var i = 0; i < series.Values.Count; i++)
            values.Append(new C.NumericPoint(new C.NumericValue(series.Values[i].ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });

        return new C.BarChartSeries(
            new C.Index { Val = (uint)index },
            new C.Order { Val = (uint)index },
            new C.SeriesText(new C.NumericValue(series.Name)),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = Colours[index % Colours.Length] })),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(new C.StringReference(
                new C.Formula(BarChart.Reference(sheet, chart.CategoryColumn, chart.FirstRow, chart.LastRow)), categories)),
            new C.Values(new C.NumberReference(
                new C.Formula(BarChart.Reference(sheet, series.Column, chart.FirstRow, chart.LastRow)), values)));
    }

    private static C.DataLabels ValueLabels() => new(
        new C.NumberingFormat { FormatCode = "0.0%", SourceLinked = false },
        new C.DataLabelPosition { Val = C.DataLabelPositionValues.OutsideEnd },
        new C.ShowLegendKey { Val = false },
        new C.ShowValue { Val = true },
        new C.ShowCategoryName { Val = false },
        new C.ShowSeriesName { Val = false },
        new C.ShowPercent { Val = false },
        new C.ShowBubbleSize { Val = false });

    private static C.Title Title(string text) => new(
        new C.ChartText(new C.RichText(
            new A.BodyProperties(),
            new A.ListStyle(),
            new A.Paragraph(
                new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1200, Bold = true }),
                new A.Run(new A.RunProperties { Language = "en-GB", FontSize = 1200, Bold = true }, new A.Text(ExcelText.Clean(text)))))),
        new C.Overlay { Val = false });

    // A horizontal chart lists categories top to bottom as the table does (reversed, with the value
    // axis kept at the bottom by crossing at the last category); a column chart left to right.
    private static C.CategoryAxis CategoryAxis(bool horizontal) => new(
        new C.AxisId { Val = CategoryAxisId },
        new C.Scaling(new C.Orientation { Val = horizontal ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom },
        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = ValueAxisId },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = 100 },
        new C.NoMultiLevelLabels { Val = false });

    private static C.ValueAxis ValueAxis(bool horizontal) => new(
        new C.AxisId { Val = ValueAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MaxAxisValue { Val = 1 }, new C.MinAxisValue { Val = 0 }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left },
        new C.MajorGridlines(),
        new C.NumberingFormat { FormatCode = "0%", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = CategoryAxisId },
        new C.Crosses { Val = horizontal ? C.CrossesValues.Maximum : C.CrossesValues.AutoZero },
        new C.CrossBetween { Val = C.CrossBetweenValues.Between },
        new C.MajorUnit { Val = 0.2 });
}
