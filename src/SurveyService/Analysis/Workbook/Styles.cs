using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SurveyService.Analysis.Workbook;

/// <summary>The few cell styles the analysis uses; the numbers are indexes into cellXfs.</summary>
internal enum Style : uint
{
    Default = 0,
    Bold = 1,
    Percent = 2,
    QuotedText = 3,
    Wrapped = 4,
    QuotedWrapped = 5,
    Title = 6,
    Decimal = 7,
    Instant = 8,
    BoldWrapped = 9,
    QuotedBoldWrapped = 10,
}

internal static class Styles
{
    /// <summary>Instants are UTC; the format says so in every cell, so a printed or filtered date never loses its zone.</summary>
    public const string InstantFormat = "yyyy-mm-dd hh:mm:ss \"UTC\"";

    public static Stylesheet Create() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = InstantFormat }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0, font: 0),
            Format(0, font: 1),
            Format(10, font: 0),
            Format(49, font: 0, quote: true),
            Format(49, font: 0, wrap: true),
            Format(49, font: 0, wrap: true, quote: true),
            Format(0, font: 2, wrap: true),
            Format(2, font: 0),
            Format(164, font: 0),
            Format(49, font: 1, wrap: true),
            Format(49, font: 1, wrap: true, quote: true))
        { Count = 11 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    // Every cell sits at the top of its row: rows grow for wrapped answers, and the labels and figures
    // beside them stay level with the answer's first line.
    private static CellFormat Format(uint numberFormat, uint font, bool wrap = false, bool quote = false)
    {
        var alignment = new Alignment { Vertical = VerticalAlignmentValues.Top };
        if (wrap)
            alignment.WrapText = true;
        var format = new CellFormat(alignment) { NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true };
        if (numberFormat != 0)
            format.ApplyNumberFormat = true;
        if (font != 0)
            format.ApplyFont = true;
        if (quote)
            format.QuotePrefix = true;
        return format;
    }
}
