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
    [Fact]
    public async Task EveryPartWritesSpreadsheetMlAsTheDefaultNamespace()
    {
        foreach (var tier in new string?[] { null, "MemberStates", "Membership", "Open" })
        {
            using var zip = new ZipArchive(new MemoryStream(await DownloadAsync(tier)));
            foreach (var entry in zip.Entries)
            {
                using var reader = XmlReader.Create(entry.Open());
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element)
                        Assert.True(reader.Prefix.Length == 0, $"{entry.FullName}: <{reader.Name}> is prefixed.");
                }
            }
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

    private async Task<byte[]> DownloadAsync(string? tier)
    {
        if (tier is null)
            return closed.WorkbookBytes;
        var (workbook, bytes) = await (await closed.App.AsAnalystAsync()).DownloadWorkbookAsync(closed.Id, tier);
        workbook.Dispose();
        return bytes;
    }
}
