using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SurveyService.Accounts.Import;

namespace SurveyService.Rules.Tests.Accounts.Import;

/// <summary>Workbooks written here with the Open XML SDK itself, to hold what Excel and other tools write: inline and rich strings, gaps, chart sheets.</summary>
public class XlsxSheetTests
{
    private static byte[] Workbook(Action<WorkbookPart, Sheets> fill)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            fill(workbook, sheets);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, params Row[] rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new SheetData(rows));
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Cell Inline(string reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    private static Cell Shared(string reference, int index) =>
        new(new CellValue(index.ToString())) { CellReference = reference, DataType = CellValues.SharedString };

    private static SheetRead.Read Read(byte[] content, int rowLimit = 100) => Assert.IsType<SheetRead.Read>(XlsxSheet.Read(content, rowLimit));

    [Fact]
    public void SharedAndInlineStringsAreReadByTheirCellsColumnsAndRowsNumbers()
    {
        var content = Workbook((workbook, sheets) =>
        {
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("name")),
                // Rich text in runs, with a phonetic guide that is not part of the text.
                new SharedStringItem(new Run(new Text("Minis")), new Run(new Text("try")), new PhoneticRun(new Text("みにすとりー")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }));
            AddSheet(workbook, sheets, "Entities",
                new Row(Shared("A1", 0), Inline("C1", "category")) { RowIndex = 1 },
                new Row(Shared("A4", 1), Inline("C4", "Member State")) { RowIndex = 4 });
        });

        var rows = Read(content).Rows;

        Assert.Equal([(1, new[] { "name", "", "category" }), (4, ["Ministry", "", "Member State"])], rows.Select(row => (row.Number, row.Cells.ToArray())));
    }

    [Fact]
    public void RowsAndCellsWithoutReferencesFollowTheOnesBefore()
    {
        var content = Workbook((workbook, sheets) => AddSheet(workbook, sheets, "Entities",
            new Row(new Cell(new InlineString(new Text("a"))) { DataType = CellValues.InlineString },
                new Cell(new CellValue("42")) { DataType = CellValues.Number }) { RowIndex = 3 },
            new Row(new Cell(new CellValue("1")) { DataType = CellValues.Boolean })));

        Assert.Equal([(3, new[] { "a", "42" }), (4, ["TRUE"])], Read(content).Rows.Select(row => (row.Number, row.Cells.ToArray())));
    }

    [Fact]
    public void TheFirstWorksheetInTabOrderIsRead()
    {
        var content = Workbook((workbook, sheets) =>
        {
            AddSheet(workbook, sheets, "First", new Row(Inline("A1", "first")) { RowIndex = 1 });
            AddSheet(workbook, sheets, "Second", new Row(Inline("A1", "second")) { RowIndex = 1 });
        });

        Assert.Equal("first", Assert.Single(Read(content).Rows).Cells[0]);
    }

    [Fact]
    public void BlankRowsAreLeftOutAndReadingStopsAtTheLimit()
    {
        var content = Workbook((workbook, sheets) => AddSheet(workbook, sheets, "Entities",
            [.. Enumerable.Range(1, 10).Select(i => new Row(Inline($"A{i}", i == 2 ? " " : $"row {i}")) { RowIndex = (uint)i })]));

        Assert.Equal([1, 3, 4], Read(content, rowLimit: 3).Rows.Select(row => row.Number));
    }

    [Fact]
    public void AWorkbookWithoutAWorksheetSaysSo()
    {
        var content = Workbook((_, _) => { });

        Assert.IsType<ImportProblem.NoWorksheet>(Assert.IsType<SheetRead.Unreadable>(XlsxSheet.Read(content, 10)).Why);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0 })]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })]
    public void BytesThatAreNoWorkbookAreNotAWorkbook(byte[] content) =>
        Assert.IsType<ImportProblem.NotAWorkbook>(Assert.IsType<SheetRead.Unreadable>(XlsxSheet.Read(content, 10)).Why);

    [Fact]
    public void ACellPastExcelsLastColumnMakesTheWorkbookUnreadable()
    {
        var content = Workbook((workbook, sheets) => AddSheet(workbook, sheets, "Entities",
            new Row(Inline("ZZZZZZ1", "far")) { RowIndex = 1 }));

        Assert.IsType<ImportProblem.NotAWorkbook>(Assert.IsType<SheetRead.Unreadable>(XlsxSheet.Read(content, 10)).Why);
    }

    [Fact]
    public void AWorkbookThatUnpacksPastTheLimitIsRefusedBeforeItIsRead()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("xl/bomb.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= XlsxSheet.MaxUnpackedBytes / zeros.Length; i++)
                entry.Write(zeros);
        }

        Assert.IsType<ImportProblem.UnpacksTooLarge>(Assert.IsType<SheetRead.Unreadable>(XlsxSheet.Read(stream.ToArray(), 10)).Why);
    }

    [Fact]
    public void AnEmptyBodyIsAnEmptyFile() =>
        Assert.IsType<ImportProblem.Empty>(Assert.IsType<SheetRead.Unreadable>(XlsxSheet.Read([], 10)).Why);
}
