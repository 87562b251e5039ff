using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// How every sheet prints: landscape, one page wide and as many pages tall as it needs, row 1 (the
/// title or the column headers) repeated on each page, the sheet's name and page in the footer. A
/// tier's summary then prints or saves as PDF with no column cut at the page edge.
/// </summary>
internal static class PrintLayout
{
    /// <summary>The worksheet's first element: without fitToPage, Excel ignores fitToWidth.</summary>
    public static SheetProperties Properties() => new(new PageSetupProperties { FitToPage = true });

    /// <summary>After the sheet's data and merged cells, in the order the schema requires.</summary>
    public static OpenXmlElement[] Elements() =>
    [
        new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
        // A4, the paper where the secretariat works; fitToHeight 0 leaves the number of pages free.
        new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
        // &C centres it: readers that split the footer into its sections (openpyxl) need one named.
        new HeaderFooter(new OddFooter("&C&A, page &P of &N")),
    ];

    /// <summary>Print titles are a workbook-level name per sheet, not part of the sheet itself.</summary>
    public static DefinedName TitleRow(int sheetIndex, string sheetName) =>
        new($"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)sheetIndex };
}
