using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// Writes a workbook sheet by sheet with OpenXmlWriter, so rows stream to the package instead of
/// being held as objects (ClosedXML holds one per cell, gigabytes for large consultations).
/// </summary>
internal sealed class XlsxWriter : IDisposable
{
    /// <summary>Excel's limit; a sheet that reaches it continues on a next sheet.</summary>
    public const int ExcelMaxRows = 1_048_576;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly Sheets _sheets;
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private uint _nextSheetId = 1;
    private uint _nextTableId = 1;

    public XlsxWriter(Stream stream, int maxRowsPerSheet = ExcelMaxRows)
    {
        MaxRowsPerSheet = maxRowsPerSheet;
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        _workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        _sheets = _workbook.Workbook.AppendChild(new Sheets());
        _workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Create();
    }

    public int MaxRowsPerSheet { get; }

    public SheetWriter AddSheet(string name, IReadOnlyList<double> columnWidths)
    {
        var unique = UniqueName(name);
        var part = _workbook.AddNewPart<WorksheetPart>();
        _sheets.Append(new Sheet { Id = _workbook.GetIdOfPart(part), SheetId = _nextSheetId++, Name = unique });
        return new SheetWriter(this, part, unique, columnWidths);
    }

    internal uint NextTableId() => _nextTableId++;

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\, unique without regard to case.</summary>
    private string UniqueName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim();
        clean = clean.Length > 31 ? clean[..31] : clean;
        var candidate = clean;
        for (var n = 2; !_names.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }

    public void Dispose()
    {
        _workbook.Workbook.Save();
        _document.Dispose();
    }
}
