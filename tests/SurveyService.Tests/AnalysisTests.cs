using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// One consultation driven through its deadline with the clock, closed by the real Hangfire sweep,
/// compiled by the real compile job, and its workbook read back with ClosedXML and validated with
/// the Open XML SDK. Built once for the class; each test reads it.
/// </summary>
public sealed class AnalysisTests(ClosedConsultation closed) : IClassFixture<ClosedConsultation>
{
    [Fact]
    public void DeadlineClosesTheConsultationAndTheAnalysisIsCompiled()
    {
        Assert.Equal(ConsultationStatus.Closed, closed.StatusAfterSweep);
        Assert.Equal(AnalysisStatus.Ready, closed.Analysis.Status);
        Assert.NotNull(closed.Analysis.GeneratedAt);
        Assert.Equal(100, closed.Analysis.Progress);
    }

    [Fact]
    public void SummaryWeighsInputsByCategory()
    {
        var yes = closed.Option("2a", "Yes");
        Assert.Equal(2, yes.Count);
        Assert.Equal(2.0 / 3, yes.Share, 4);
        Assert.Equal(1.5 / 2.5, yes.WeightedShare, 6);
        var a = closed.Option("3b", "A");
        Assert.Equal(0.75, a.Share, 6);
        Assert.Equal(2.25 / 2.75, a.WeightedShare, 4);
        Assert.Equal(1, a.ByCategory[RespondentCategory.Stakeholder]);
    }

    [Fact]
    public void OnlyTheLatestSubmittedVersionCountsAndDraftsNever()
    {
        var scale = closed.Question("3c");
        Assert.Equal(5, scale.Respondents.Total);
        Assert.Equal(2, closed.Option("3c", "5").Count);
        Assert.Equal(0, closed.Option("3c", "2").Count);
        Assert.Equal(1.5 / 3.25, closed.Option("3c", "5").WeightedShare, 4);
    }

    [Fact]
    public async Task ResponseRateIsRespondentsOverTheRegisteredEntitiesOfEachCategory()
    {
        var overview = closed.Workbook.Worksheet("Overview");
        var header = overview.CellsUsed().Single(c => c.GetString() == "Respondents by category").Address.RowNumber;
        await using var scope = closed.App.Services.CreateAsyncScope();
        var registered = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Entities
            .GroupBy(e => e.Category).ToDictionaryAsync(g => g.Key.ToString(), g => g.Count());

        var rows = Enumerable.Range(header + 1, 6).Select(overview.Row).ToArray();
        foreach (var row in rows[..5])
        {
            var (respondents, eligible) = (row.Cell(2).GetDouble(), row.Cell(3).GetDouble());
            Assert.Equal(registered.GetValueOrDefault(row.Cell(1).GetString()), eligible);
            if (eligible > 0)
                Assert.Equal(respondents / eligible, row.Cell(4).GetDouble(), 6);
            else
                Assert.True(row.Cell(4).IsEmpty());
        }
        Assert.Equal("Total", rows[5].Cell(1).GetString());
        Assert.Equal(5.0 / registered.Values.Sum(), rows[5].Cell(4).GetDouble(), 6);
    }

    [Fact]
    public void WorkbookHasOverviewTierSheetsResponsesAndScreenedOut()
    {
        var names = closed.Workbook.Worksheets.Select(s => s.Name).ToArray();
        Assert.Equal(["Overview", "i Member States", "ii Membership", "iii Open", "Responses", "Screened out"], names);
        var overview = closed.Workbook.Worksheet("Overview");
        var weights = overview.CellsUsed().First(c => c.GetString() == "Weights used").Address.RowNumber;
        Assert.Equal("MemberState", overview.Cell(weights + 1, 1).GetString());
        Assert.Equal(1.0, overview.Cell(weights + 1, 2).GetDouble());
        Assert.Equal(0.25, overview.Cell(weights + 5, 2).GetDouble());
        Assert.Contains(overview.CellsUsed(), c => c.GetString() == "Response rate");
        Assert.Contains(overview.CellsUsed(), c => c.GetString().StartsWith("5 submissions", StringComparison.Ordinal));
    }

    [Fact]
    public void TierSheetGivesCountsAndSharesAsPercentages()
    {
        var sheet = closed.Workbook.Worksheet("ii Membership");
        var yesRow = sheet.CellsUsed().First(c => c.GetString() == "Yes").Address.RowNumber;
        Assert.Equal(2, sheet.Cell(yesRow, 2).GetDouble());
        var share = sheet.Cell(yesRow, 8);
        var weighted = sheet.Cell(yesRow, 9);
        Assert.Equal(2.0 / 3, share.GetDouble(), 4);
        Assert.Equal(0.6, weighted.GetDouble(), 6);
        Assert.Equal(10, share.Style.NumberFormat.NumberFormatId);
        Assert.Equal(10, weighted.Style.NumberFormat.NumberFormatId);
    }

    [Fact]
    public void TextAnswersListMemberStatesFirstWithEntityCategoryAndWeight()
    {
        static string[][] AnswerRows(IXLWorksheet sheet) => [.. sheet.RowsUsed()
            .Where(r => r.Cell(10).DataType == XLDataType.Number && Enum.IsDefined(typeof(RespondentCategory), r.Cell(2).GetString()))
            .Select(r => new[] { r.Cell(2).GetString(), r.Cell(10).GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture), r.Cell(3).GetString() })];

        var memberStates = AnswerRows(closed.Workbook.Worksheet("i Member States"));
        Assert.Equal(["MemberState", "MemberState"], memberStates.Select(r => r[0]));
        Assert.All(memberStates, r => Assert.Equal("1", r[1]));
        Assert.Contains(memberStates, r => r[2] == ClosedConsultation.SecretText);
        var open = AnswerRows(closed.Workbook.Worksheet("iii Open"));
        Assert.Equal(["MemberState", "Stakeholder"], open.Where(r => !r[2].StartsWith("long-", StringComparison.Ordinal)).Select(r => r[0]));
        Assert.Equal("0.25", open.Single(r => r[0] == "Stakeholder")[1]);
    }

    [Fact]
    public void FormulaLikeTextStaysTextWithAQuotePrefix()
    {
        var cell = closed.Workbook.Worksheets.SelectMany(s => s.CellsUsed()).First(c => c.GetString() == ClosedConsultation.FormulaText);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.False(cell.HasFormula);
        Assert.True(cell.Style.IncludeQuotePrefix);
        var plus = closed.Workbook.Worksheets.SelectMany(s => s.CellsUsed()).First(c => c.GetString() == ClosedConsultation.PlusText);
        Assert.True(plus.Style.IncludeQuotePrefix);
    }

    [Fact]
    public void TextOverTheCellLimitContinuesInFurtherCellsWithANote()
    {
        var responses = closed.Workbook.Worksheet("Responses");
        var row = responses.RowsUsed().First(r => r.Cell(12).GetString().StartsWith("long-", StringComparison.Ordinal));

        Assert.Equal(32_767, row.Cell(12).GetString().Length);
        Assert.Equal(ClosedConsultation.LongText, row.Cell(12).GetString() + row.Cell(13).GetString());
        Assert.Contains("continues over 2 cells", row.Cell(11).GetString());
        Assert.Equal("Text (part 2)", responses.Cell(1, 13).GetString());
    }

    [Fact]
    public void CharactersXmlCannotHoldAreReplacedVisibly()
    {
        var cell = closed.Workbook.Worksheets.SelectMany(s => s.CellsUsed()).First(c => c.GetString().StartsWith("bad ", StringComparison.Ordinal));
        Assert.Equal("bad \uFFFD char", cell.GetString());
    }

    [Fact]
    public void ResponsesIsATableWithOneRowPerRelatedAnswer()
    {
        var responses = closed.Workbook.Worksheet("Responses");
        var table = Assert.Single(responses.Tables);
        Assert.Equal("Entity", table.HeadersRow().Cell(1).GetString());
        Assert.Equal(closed.RelatedAnswers, table.DataRange.RowCount());
    }

    [Fact]
    public void ScreenedOutAnswerIsListedWithItsReasonAndLeftOutOfTheFigures()
    {
        var screened = closed.Workbook.Worksheet("Screened out");
        var row = screened.RowsUsed().Skip(1).Single();
        Assert.Equal(ClosedConsultation.ScreeningReason, row.Cell(5).GetString());
        Assert.Contains("Analyst", row.Cell(6).GetString());
        Assert.Equal(1, closed.Summary.ScreenedOut);
        Assert.Equal(2, closed.Question("3a").Respondents.Total);
        Assert.Equal("bad \uFFFD char", row.Cell(9).GetString());
    }

    [Fact]
    public void OneTiersWorkbookHoldsNothingFromTheOtherTiers()
    {
        var texts = closed.OpenTierWorkbook.AllText().Select(t => t.Text).ToArray();
        Assert.Equal(["Overview", "iii Open", "Responses", "Screened out"], closed.OpenTierWorkbook.Worksheets.Select(s => s.Name));
        Assert.DoesNotContain(texts, t => t.Contains(ClosedConsultation.SecretText, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(ClosedConsultation.FormulaText, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Question 1a", StringComparison.Ordinal) || t.Contains("Question 2a", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t is "1a" or "2a" or "MemberStates" or "Membership");
        Assert.Contains(texts, t => t == ClosedConsultation.PlusText);
    }

    [Fact]
    public async Task WorkbooksAreValidOpenXmlThatExcelOpensWithoutRepair()
    {
        var analyst = await closed.App.AsAnalystAsync();
        List<byte[]> workbooks = [closed.WorkbookBytes, closed.OpenTierBytes];
        foreach (var tier in new[] { "MemberStates", "Membership" })
        {
            var (workbook, bytes) = await analyst.DownloadWorkbookAsync(closed.Id, tier);
            workbook.Dispose();
            workbooks.Add(bytes);
        }
        foreach (var bytes in workbooks)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();
            Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Take(10)));
        }
    }
}
