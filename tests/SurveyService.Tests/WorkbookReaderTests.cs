using System.IO.Compression;
using System.Xml;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>The workbooks as readers outside .NET open them, in the whole workbook and in each tier's.</summary>
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

    private async Task<byte[]> DownloadAsync(string? tier)
    {
        if (tier is null)
            return closed.WorkbookBytes;
        var (workbook, bytes) = await (await closed.App.AsAnalystAsync()).DownloadWorkbookAsync(closed.Id, tier);
        workbook.Dispose();
        return bytes;
    }
}
