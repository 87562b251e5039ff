using System.IO.Compression;
using System.Xml;
using ClosedXML.Excel;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// The workbooks as readers outside .NET open them: ExcelJS and openpyxl (tests/readers) must see
/// the same sheets and cells as ClosedXML, in the whole workbook and in each tier's.
/// </summary>
public sealed class WorkbookReaderTests(ClosedConsultation closed) : IClassFixture<ClosedConsultation>
{
    // Readers that match tag names as written (ExcelJS #1437) look for SpreadsheetML unprefixed, and for
    // drawings and charts under the prefixes Excel gives DrawingML.
    private static readonly Dictionary<string, string> DrawingMlPrefixes = new()
    {
        ["http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"] = "xdr",
        ["http://schemas.openxmlformats.org/drawingml/2006/main"] = "a",
        ["http://schemas.openxmlformats.org/drawingml/2006/chart"] = "c",
    };

    [Fact]
    public async Task SpreadsheetMlIsWrittenInTheDefaultNamespaceAndDrawingMlWithExcelsPrefixes()
    {
        foreach (var tier in new string?[] { null, "MemberStates", "Membership", "Open" })
        {
            using var zip = new ZipArchive(new MemoryStream(await DownloadAsync(tier)));
            var drawingMl = 0;
            foreach (var entry in zip.Entries)
            {
                using var reader = XmlReader.Create(entry.Open());
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                        continue;
                    var prefix = DrawingMlPrefixes.GetValueOrDefault(reader.NamespaceURI, "");
                    drawingMl += prefix.Length > 0 ? 1 : 0;
                    Assert.True(reader.Prefix == prefix, $"{entry.FullName}: <{reader.Name}> is not <{(prefix.Length > 0 ? prefix + ":" : "")}{reader.LocalName}>.");
                }
            }
            Assert.True(tier == "MemberStates" || drawingMl > 0, $"The {tier ?? "whole"} workbook has no chart.");
        }
    }

    [SkippableTheory]
    [InlineData(WorkbookReaders.ExcelJs, null)]
    [InlineData(WorkbookReaders.ExcelJs, "MemberStates")]
    [InlineData(WorkbookReaders.ExcelJs, "Membership")]
    [InlineData(WorkbookReaders.ExcelJs, "Open")]
    [InlineData(WorkbookReaders.Openpyxl, null)]
    [InlineData(WorkbookReaders.Openpyxl, "MemberStates")]
    [InlineData(WorkbookReaders.Openpyxl, "Membership")]
    [InlineData(WorkbookReaders.Openpyxl, "Open")]
    public async Task ReaderOutsideDotNetSeesEveryCellClosedXmlSees(string reader, string? tier)
    {
        var bytes = await DownloadAsync(tier);
        var read = await WorkbookReaders.ReadAsync(reader, bytes);
        using var expected = new XLWorkbook(new MemoryStream(bytes));

        Assert.Equal(expected.Worksheets.Select(s => s.Name), read.Sheets.Select(s => s.Name));
        foreach (var sheet in expected.Worksheets)
        {
            var cells = read.Sheet(sheet.Name).Cells;
            foreach (var cell in sheet.CellsUsed().Where(c => !c.IsEmpty()))
            {
                var at = $"{sheet.Name}!{cell.Address}";
                Assert.True(cells.TryGetValue(cell.Address.ToString()!, out var seen), $"{read.Reader} has nothing at {at}.");
                switch (cell.DataType)
                {
                    case XLDataType.Number:
                        Assert.True(seen.Type == "number", $"{read.Reader} reads {at} as {seen.Type}.");
                        Assert.Equal(cell.GetDouble(), seen.Value.GetDouble(), 12);
                        break;
                    case XLDataType.DateTime:
                        Assert.True(seen.Type == "date", $"{read.Reader} reads {at} as {seen.Type}.");
                        Assert.Equal(cell.GetDateTime().ToString("s"), seen.Value.GetString());
                        break;
                    default:
                        Assert.True(seen.Type == "text", $"{read.Reader} reads {at} as {seen.Type}.");
                        Assert.Equal(cell.GetString(), seen.Value.GetString());
                        break;
                }
            }
        }
    }

    [SkippableTheory]
    [InlineData(WorkbookReaders.ExcelJs)]
    [InlineData(WorkbookReaders.Openpyxl)]
    public async Task ReaderOutsideDotNetSeesTheQuestionTheAnswerAShareAndADateAsAPersonReadsThem(string reader)
    {
        var read = await WorkbookReaders.ReadAsync(reader, closed.WorkbookBytes);
        var membership = read.Sheet("ii Membership").Cells;
        Assert.Contains(membership.Values, c => c.Type == "text" && c.Value.GetString() == "Question 2a?");
        Assert.Contains(read.Sheet("iii Open").Cells.Values, c => c.Type == "text" && c.Value.GetString() == ClosedConsultation.PlusText);

        var no = membership.Single(c => c.Value.Type == "text" && c.Value.Value.GetString() == "No").Key[1..];
        Assert.Equal(("number", 0.3333, "0.00%"), (membership["H" + no].Type, membership["H" + no].Value.GetDouble(), membership["H" + no].Format));

        var overview = read.Sheet("Overview").Cells;
        var closes = overview.Single(c => c.Value.Type == "text" && c.Value.Value.GetString() == "Closes (deadline)").Key[1..];
        Assert.Equal("date", overview["B" + closes].Type);
        Assert.Contains("UTC", overview["B" + closes].Format);
    }

    [SkippableTheory]
    [InlineData(WorkbookReaders.ExcelJs)]
    [InlineData(WorkbookReaders.Openpyxl)]
    public async Task ReaderOutsideDotNetPrintsEverySheetLandscapeOnePageWideWithItsFirstRowOnEachPage(string reader)
    {
        var read = await WorkbookReaders.ReadAsync(reader, await DownloadAsync("Membership"));
        Assert.All(read.Sheets, sheet => Assert.Equal(new ReaderPage("landscape", true, 1, 0, "1:1"), sheet.Page));
    }

    private async Task<byte[]> DownloadAsync(string? tier)
    {
        if (tier is null)
            return closed.WorkbookBytes;
        var (workbook, bytes) = await (await closed.App.AsAnalystAsync()).DownloadWorkbookAsync(closed.Id, tier);
        workbook.Dispose();
        return bytes;
    }
}
