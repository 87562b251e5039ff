using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using SurveyService.Analysis;
using SurveyService.Consultations;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>The workbook as an analyst reads it, prints it and saves it: what a person would notice.</summary>
public sealed class WorkbookPresentationTests(ClosedConsultation closed) : IClassFixture<ClosedConsultation>
{
    [Fact]
    public async Task SharesAreRoundedToWhatAPersonReadsAndShowAsPercentages()
    {
        var json = await (await closed.App.AsAnalystAsync()).GetStringAsync($"/api/consultations/{closed.Id}/analysis/summary");
        var shares = Regex.Matches(json, "\"(?:share|weightedShare)\":([^,}]+)").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(shares);
        Assert.All(shares, share => Assert.Matches(@"^\d(\.\d{1,4})?$", share));
        Assert.Equal(0.3333, closed.Option("2a", "No").Share);

        var sheet = closed.Workbook.Worksheet("ii Membership");
        var no = sheet.CellsUsed().First(c => c.GetString() == "No").Address.RowNumber;
        Assert.Equal("33.33%", Shown(sheet.Cell(no, 8)));
        Assert.Equal("40.00%", Shown(sheet.Cell(no, 9)));
    }

    [Fact]
    public async Task InstantsAreDateCellsThatSayUtc()
    {
        var consultation = await (await closed.App.CreateHttpsClient().GetAsync($"/api/consultations/{closed.Id}")).ReadAsAsync<ConsultationResponse>();
        var overview = closed.Workbook.Worksheet("Overview");
        IXLCell Beside(string label) => overview.CellsUsed().Single(c => c.GetString() == label).CellRight();

        Assert.Equal(consultation.OpensAt.UtcDateTime, Date(Beside("Opens")), TimeSpan.FromSeconds(1));
        Assert.Equal(consultation.ClosesAt.UtcDateTime, Date(Beside("Closes (deadline)")), TimeSpan.FromSeconds(1));
        Assert.True(Date(Beside("Closed")) >= Date(Beside("Closes (deadline)")));
        Assert.Equal(closed.Analysis.GeneratedAt!.Value.UtcDateTime, Date(Beside("Compiled")), TimeSpan.FromSeconds(1));
        var screened = closed.Workbook.Worksheet("Screened out");
        Assert.Equal("Screened at", screened.Cell(1, 7).GetString());
        Assert.True(Date(screened.Cell(2, 7)) >= Date(Beside("Closed")));
    }

    [Theory]
    [InlineData("MemberStates", "2 - - - -", 2, 0)]
    [InlineData("Membership", "2 2 0 0 -", 4, 0)]
    [InlineData("Open", "2 2 0 0 1", 5, 1)]
    public async Task ATiersOverviewCountsOnlyTheCategoriesThatTierAdmits(string tier, string byCategory, int total, int screenedOut)
    {
        var (workbook, _) = await (await closed.App.AsAnalystAsync()).DownloadWorkbookAsync(closed.Id, tier);
        using var _ = workbook;
        var overview = workbook.Worksheet("Overview");
        var header = overview.CellsUsed().Single(c => c.GetString() == "Respondents by category").Address.RowNumber;

        var counts = Enumerable.Range(header + 1, 5).Select(row => overview.Cell(row, 2))
            .Select(cell => cell.DataType == XLDataType.Number ? cell.GetDouble().ToString(CultureInfo.InvariantCulture)
                : cell.GetString() == "not admitted to this tier" ? "-" : cell.GetString());
        Assert.Equal(byCategory, string.Join(' ', counts));
        Assert.Equal(("Total", total), (overview.Cell(header + 6, 1).GetString(), overview.Cell(header + 6, 2).GetValue<int>()));
        var compiledFrom = overview.CellsUsed().Single(c => c.GetString() == "Compiled from").CellRight().GetString();
        Assert.StartsWith($"{total} submissions", compiledFrom);
        Assert.Contains($"; {screenedOut} answers screened out", compiledFrom);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("MemberStates")]
    public async Task TheDownloadIsNamedForTheWholeTitleInUtf8WithAnAsciiFallback(string? tier)
    {
        var response = await (await closed.App.AsAnalystAsync()).GetAsync(
            $"/api/consultations/{closed.Id}/analysis/workbook{(tier is null ? "" : "?tier=" + tier)}");
        var disposition = response.Content.Headers.ContentDisposition!;
        var suffix = tier is null ? ".xlsx" : $"-{tier}.xlsx";

        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("analysis-consultation-sur-l-accès-genève-radiocommunication-conference-preparations" + suffix, disposition.FileNameStar);
        Assert.Equal("analysis-consultation-sur-l-acces-geneve-radiocommunication-conference-preparations" + suffix, disposition.FileName);
    }

    [Fact]
    public void ANameLongerThanFileSystemsTakeLosesWholeWordsAtTheEnd()
    {
        var name = DownloadName.Name(DownloadName.Slug(string.Join(" ", Enumerable.Repeat("Genève", 60))), QuestionTier.Membership);
        Assert.InRange(Encoding.UTF8.GetByteCount(name), 200, 255);
        Assert.Matches("^analysis-(genève-)+genève-Membership\\.xlsx$", name);
    }

    [Fact]
    public void ATextAnswerIsInTheColumnRightAfterItsEntityAndCategoryAndWraps()
    {
        var sheet = closed.Workbook.Worksheet("iii Open");
        var answer = sheet.CellsUsed().Single(c => c.GetString() == ClosedConsultation.PlusText);
        var header = sheet.CellsUsed().Last(c => c.GetString() == "Entity" && c.Address.RowNumber < answer.Address.RowNumber).WorksheetRow();

        Assert.Equal(["Entity", "Category", "Answer"], Enumerable.Range(1, 3).Select(column => header.Cell(column).GetString()));
        Assert.Equal("Stakeholder", answer.CellLeft().GetString());
        Assert.Equal(3, answer.Address.ColumnNumber);
        Assert.True(answer.Style.Alignment.WrapText);
        Assert.Equal($"C{answer.Address.RowNumber}:I{answer.Address.RowNumber}", answer.MergedRange().RangeAddress.ToString());
        Assert.Equal(0.25, sheet.Row(answer.Address.RowNumber).Cell(header.CellsUsed().Single(c => c.GetString() == "Weight").Address.ColumnNumber).GetDouble());
    }

    [Fact]
    public void EverySheetPrintsLandscapeOnePageWideWithItsFirstRowOnEachPage()
    {
        foreach (var sheet in closed.Workbook.Worksheets.Concat(closed.OpenTierWorkbook.Worksheets))
        {
            var page = sheet.PageSetup;
            Assert.Equal((XLPageOrientation.Landscape, 1, 0), (page.PageOrientation, page.PagesWide, page.PagesTall));
            Assert.Equal((1, 1), (page.FirstRowToRepeatAtTop, page.LastRowToRepeatAtTop));
        }
        var responses = closed.Workbook.Worksheet("Responses");
        var text = responses.Row(1).CellsUsed().Single(c => c.GetString() == "Text").Address.ColumnNumber;
        Assert.All(responses.Column(text).CellsUsed().Skip(1), answer => Assert.True(answer.Style.Alignment.WrapText));
    }

    private static DateTime Date(IXLCell cell)
    {
        Assert.Equal(XLDataType.DateTime, cell.DataType);
        Assert.Equal("yyyy-mm-dd hh:mm:ss \"UTC\"", cell.Style.NumberFormat.Format);
        return cell.GetDateTime();
    }

    /// <summary>A share's cell as Excel shows it: built-in format 10 is "0.00%" (ClosedXML 0.95 does not format built-in ids).</summary>
    private static string Shown(IXLCell cell)
    {
        Assert.Equal(10, cell.Style.NumberFormat.NumberFormatId);
        return cell.GetDouble().ToString("0.00%", CultureInfo.InvariantCulture);
    }
}
