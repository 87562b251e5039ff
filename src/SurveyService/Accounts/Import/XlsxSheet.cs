using System.IO.Compression;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SurveyService.Accounts.Import;

/// <summary>
/// The first worksheet of an .xlsx workbook, row by row as the sheet numbers them, with shared and
/// inline strings. Read with the Open XML SDK's streaming reader, so one row is in memory at a
/// time, and stopped at the row limit.
/// </summary>
internal static class XlsxSheet
{
    /// <summary>
    /// What a workbook's parts may unpack to. A sheet of 5,000 entities unpacks to a few megabytes;
    /// a small file that claims far more is a zip bomb.
    /// </summary>
    public const long MaxUnpackedBytes = 64 * 1024 * 1024;

    public static SheetRead Read(byte[] content, int rowLimit)
    {
        if (content.Length == 0)
            return new SheetRead.Unreadable(new ImportProblem.Empty());
        try
        {
            if (UnpackedSize(content) > MaxUnpackedBytes)
                return new SheetRead.Unreadable(new ImportProblem.UnpacksTooLarge(MaxUnpackedBytes));
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
            if (document.WorkbookPart is not { } workbook)
                return new SheetRead.Unreadable(new ImportProblem.NotAWorkbook());
            if (FirstWorksheet(workbook) is not { } sheet)
                return new SheetRead.Unreadable(new ImportProblem.NoWorksheet());
            return new SheetRead.Read(Rows(sheet, SharedStrings(workbook), rowLimit));
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or FileFormatException
            or XmlException or IOException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Whatever a broken package throws from deep inside the SDK: not a workbook this can read.
            return new SheetRead.Unreadable(new ImportProblem.NotAWorkbook());
        }
    }

    /// <summary>The sizes the zip declares; the unzipping stream stops at the declared size, so they cannot lie upwards.</summary>
    private static long UnpackedSize(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        return zip.Entries.Sum(entry => entry.Length);
    }

    /// <summary>The first sheet in the workbook's tab order that is a worksheet (not a chart sheet).</summary>
    private static WorksheetPart? FirstWorksheet(WorkbookPart workbook) =>
        workbook.Workbook?.Sheets?.Elements<Sheet>()
            .Select(sheet => sheet.Id?.Value is { } id ? workbook.GetPartById(id) as WorksheetPart : null)
            .FirstOrDefault(part => part is not null);

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
            return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(Text((SharedStringItem)reader.LoadCurrentElement()!));
        }
        return strings;
    }

    private static List<SheetRow> Rows(WorksheetPart sheet, List<string> strings, int rowLimit)
    {
        var rows = new List<SheetRow>();
        var previous = 0;
        using var reader = OpenXmlReader.Create(sheet);
        while (rows.Count < rowLimit && reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                continue;
            var row = (Row)reader.LoadCurrentElement()!;
            // Without its number a row follows the one before, as Excel reads it.
            var number = row.RowIndex?.Value is { } index ? (int)index : previous + 1;
            previous = number;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count <= column)
                    cells.Add("");
                cells[column] = Value(cell, strings);
            }
            var read = new SheetRow(number, cells);
            if (!read.IsBlank)
                rows.Add(read);
        }
        return rows;
    }

    private static string Value(Cell cell, List<string> strings)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? Text(inline) : "";
        var value = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
            return strings[int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)];
        if (type == CellValues.Boolean)
            return value == "1" ? "TRUE" : "FALSE";
        return value;
    }

    /// <summary>The text of a string item: its one text, or its rich-text runs joined; never its phonetic guide (rPh).</summary>
    private static string Text(OpenXmlCompositeElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(run => run.Text?.Text));

    /// <summary>"C12" → 2: the column letters of a cell reference, from 0, up to Excel's last column (XFD).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > MaxColumns)
                throw new FormatException($"The cell reference {reference} is past Excel's last column.");
        }
        return index == 0 ? throw new FormatException($"The cell reference {reference} names no column.") : index - 1;
    }

    private const int MaxColumns = 16_384;
}
