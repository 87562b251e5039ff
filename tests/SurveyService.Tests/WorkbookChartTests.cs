using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Each tier sheet draws a native bar chart of every choice and scale question, unweighted beside
/// weighted, from the cells of its own table: read back with the Open XML SDK, checked by its
/// validator, and opened and saved again by LibreOffice with the charts still there.
/// </summary>
public sealed partial class WorkbookChartTests(ChartedConsultation consultation) : IClassFixture<ChartedConsultation>
{
    private static readonly Dictionary<string, string[]> ChartedBySheet = new()
    {
        ["i Member States"] = ["1b", "1c"],
        ["ii Membership"] = ["2b", "2c"],
        ["iii Open"] = ["3b", "3c"],
    };

    [Theory]
    [InlineData(null)]
    [InlineData("MemberStates")]
    [InlineData("Membership")]
    [InlineData("Open")]
    public void EveryChoiceAndScaleQuestionHasABarChartOfBothSharesOnItsTierSheet(string? scope)
    {
        var charts = WorkbookCharts.Read(consultation.Workbook(scope));
        using var workbook = new XLWorkbook(new MemoryStream(consultation.Workbook(scope)));
        var tierSheets = workbook.Worksheets.Select(s => s.Name).Where(ChartedBySheet.ContainsKey).ToArray();
        Assert.Equal(scope is null ? 3 : 1, tierSheets.Length);

        Assert.Equal(tierSheets.SelectMany(sheet => ChartedBySheet[sheet].Select(code => (sheet, $"{code} Question {code}?"))),
            charts.Select(c => (c.Sheet, c.Title)));
        foreach (var chart in charts)
        {
            var question = consultation.Question(chart.Title.Split(' ')[0]);
            Assert.Equal(question.Type == QuestionType.Scale ? "Column" : "Bar", chart.Direction);
            Assert.Equal(["Unweighted", "Weighted"], chart.Series.Select(s => s.Name));
            Assert.Contains($"question {question.Code}", chart.Description);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Membership")]
    [InlineData("Open")]
    public void ChartsReferToTheirOwnTablesCellsAndCacheTheSharesTheyHold(string? scope)
    {
        using var workbook = new XLWorkbook(new MemoryStream(consultation.Workbook(scope)));
        foreach (var chart in WorkbookCharts.Read(consultation.Workbook(scope)))
        {
            var question = consultation.Question(chart.Title.Split(' ')[0]);
            var options = question.Options.Select(o => o.Option).ToArray();
            var unweighted = chart.Series[0];
            var weighted = chart.Series[1];

            var categories = Cells(workbook, unweighted.CategoryReference, chart.Sheet);
            Assert.Equal(options, categories.Select(c => c.GetString()));
            Assert.Equal(question.Type == QuestionType.Scale ? "Value" : "Option", categories[0].CellAbove().GetString());
            Assert.Equal(weighted.CategoryReference, unweighted.CategoryReference);
            var shares = Cells(workbook, unweighted.ValueReference, chart.Sheet);
            Assert.Equal("Share", shares[0].CellAbove().GetString());
            Assert.Equal(question.Options.Select(o => o.Share), shares.Select(c => c.GetDouble()));
            var weightedShares = Cells(workbook, weighted.ValueReference, chart.Sheet);
            Assert.Equal("Weighted share", weightedShares[0].CellAbove().GetString());
            Assert.Equal(question.Options.Select(o => o.WeightedShare), weightedShares.Select(c => c.GetDouble()));

            Assert.All(chart.Series, s => Assert.Equal(options, s.CategoryCache));
            Assert.Equal(question.Options.Select(o => o.Share), unweighted.ValueCache);
            Assert.Equal(question.Options.Select(o => o.WeightedShare), weighted.ValueCache);
        }
        // What the two series are for: the test data weighs categories apart, and the charts show it.
        Assert.NotEqual(consultation.Question("2b").Options.Select(o => o.Share), consultation.Question("2b").Options.Select(o => o.WeightedShare));
        Assert.NotEqual(consultation.Question("3b").Options.Select(o => o.Share), consultation.Question("3b").Options.Select(o => o.WeightedShare));
    }

    [Fact]
    public void EachChartSitsBelowItsTableOverRowsLeftEmptyBeforeTheNextQuestion()
    {
        using var workbook = new XLWorkbook(new MemoryStream(consultation.Workbook(null)));
        foreach (var chart in WorkbookCharts.Read(consultation.Workbook(null)))
        {
            var sheet = workbook.Worksheet(chart.Sheet);
            var lastOption = Cells(workbook, chart.Series[0].CategoryReference, chart.Sheet)[^1].Address.RowNumber;
            // Markers are 0-based: the chart starts at the top of the row after the last option and ends at the top of row ToRow + 1.
            Assert.Equal(lastOption, chart.FromRow);
            Assert.True(chart.ToRow - chart.FromRow >= 14, $"{chart.Title} is only {chart.ToRow - chart.FromRow} rows tall.");
            Assert.Equal((0, 6), (chart.FromColumn, chart.ToColumn));
            var covered = sheet.Range(chart.FromRow + 1, 1, chart.ToRow, chart.ToColumn + 1).CellsUsed(c => !c.IsEmpty()).ToArray();
            Assert.True(covered.Length == 0, $"{chart.Title} covers {string.Join(", ", covered.Select(c => c.Address))}.");
        }
        var open = workbook.Worksheet("iii Open");
        var below3b = WorkbookCharts.Read(consultation.Workbook(null)).Single(c => c.Title.StartsWith("3b ", StringComparison.Ordinal)).ToRow;
        Assert.Equal("3c", open.Cell(below3b + 2, 1).GetString());
    }

    [Fact]
    public void EveryWorkbookIsValidOpenXmlWithChartPartsNamedOnceEach()
    {
        foreach (var scope in ChartedConsultation.Scopes)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(consultation.Workbook(scope)), false);
            foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Office2016 })
            {
                var errors = new OpenXmlValidator(version).Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();
                Assert.True(errors.Length == 0, $"{scope ?? "whole"} workbook, {version}:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(10))}");
            }
            var charts = WorkbookCharts.Read(consultation.Workbook(scope)).Select(c => c.Part).ToArray();
            Assert.Equal(scope is null ? 6 : 2, charts.Length);
            Assert.Equal(charts.Length, charts.Distinct().Count());
        }
    }

    [SkippableFact]
    public async Task LibreOfficeOpensEveryWorkbookAndSavesItWithItsChartsAndTheirFigures()
    {
        var resaved = await LibreOffice.ResaveAsync(ChartedConsultation.Scopes.ToDictionary(s => s ?? "All", consultation.Workbook));
        foreach (var scope in ChartedConsultation.Scopes)
            WorkbookRoundTrip.AssertKeptCellsAndCharts(consultation.Workbook(scope), resaved[scope ?? "All"], scope ?? "whole");
    }

    [Fact]
    public async Task AQuestionMovesToTheNextSheetWithItsTableAndChartRatherThanBeSplitAtTheRowLimit()
    {
        await using var app = new SurveyApplication();
        app.Settings["Analysis:MaxRowsPerSheet"] = "30";
        var closed = await app.CloseWithAnswersAsync(12, RespondentCategory.Stakeholder,
            (q, i) => [new { questionId = q["3a"], text = $"answer {i}" }, new { questionId = q["3b"], choices = new[] { i % 3 == 0 ? "Yes" : "No" } },
                new { questionId = q["3c"], value = 1 + i % 5 }],
            [new("3a", "Open"), new("3b", "Open", "SingleChoice", ["Yes", "No", "Not sure"]), new("3c", "Open", "Scale")]);
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(closed.Id);
        var (workbook, bytes) = await analyst.DownloadWorkbookAsync(closed.Id, "Open");
        using var _ = workbook;

        // 3a's twelve answers fill most of the first sheet; 3b, then 3c, each need more rows than are left.
        var charts = WorkbookCharts.Read(bytes);
        Assert.Equal([("3b Question 3b?", "iii Open (2)"), ("3c Question 3c?", "iii Open (3)")], charts.Select(c => (c.Title, c.Sheet)));
        foreach (var chart in charts)
        {
            var sheet = workbook.Worksheet(chart.Sheet);
            // The continued sheet's title, then the question's heading, its table and its chart, all on one sheet.
            Assert.Equal("iii Open (continued)", sheet.Cell(1, 1).GetString());
            Assert.Equal(chart.Title[..2], sheet.Cell(3, 1).GetString());
            Assert.Equal(chart.Direction == "Bar" ? "Option" : "Value", sheet.Cell(6, 1).GetString());
            var lastOption = chart.Direction == "Bar" ? 9 : 11;
            Assert.Equal($"'{chart.Sheet}'!$A$7:$A${lastOption}", chart.Series[0].CategoryReference);
            Assert.Equal($"'{chart.Sheet}'!$I$7:$I${lastOption}", chart.Series[1].ValueReference);
            Assert.True(chart.ToRow <= 30, $"{chart.Title} ends below row 30.");
        }
        Assert.All(workbook.Worksheets.Where(s => s.Name.StartsWith("iii Open", StringComparison.Ordinal)), s => Assert.True(s.LastRowUsed()?.RowNumber() is null or <= 30, $"{s.Name} has more than 30 rows."));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document));
    }

    [SkippableTheory]
    [InlineData(WorkbookReaders.ExcelJs)]
    [InlineData(WorkbookReaders.Openpyxl)]
    public async Task ReadersOutsideDotNetOpenTheWorkbookWithItsChartsAndReadTheFiguresTheyDraw(string reader)
    {
        var read = await WorkbookReaders.ReadAsync(reader, consultation.Workbook(null));
        var charts = WorkbookCharts.Read(consultation.Workbook(null));
        foreach (var chart in charts)
        {
            var cells = read.Sheet(chart.Sheet).Cells;
            var question = consultation.Question(chart.Title.Split(' ')[0]);
            var at = ChartReference().Match(chart.Series[1].ValueReference);
            var first = int.Parse(at.Groups["first"].Value, CultureInfo.InvariantCulture);
            Assert.Equal(question.Options.Select(o => o.WeightedShare),
                question.Options.Select((_, i) => cells[$"{at.Groups["column"].Value}{first + i}"].Value.GetDouble()));
        }
        if (reader != WorkbookReaders.Openpyxl)
            return;
        // openpyxl loads charts too: the same ones, drawing from the same cells.
        Assert.Equal(charts.Select(c => ((string?)c.Title, (string?)(c.Direction == "Bar" ? "bar" : "col"), c.Sheet,
                string.Join(" | ", c.Series.Select(s => $"{s.Name} {s.CategoryReference} {s.ValueReference}")))),
            read.Sheets.SelectMany(s => s.Charts!.Select(c => (c.Title, c.Direction, s.Name,
                string.Join(" | ", c.Series.Select(x => $"{x.Name} {x.Categories} {x.Values}"))))));
    }

    /// <summary>The cells a chart's reference names, which must be on the chart's own sheet.</summary>
    private static IXLCell[] Cells(XLWorkbook workbook, string reference, string sheet)
    {
        var match = ChartReference().Match(reference);
        Assert.True(match.Success, $"'{reference}' is not an absolute single-column range.");
        Assert.Equal(sheet, match.Groups["sheet"].Value.Replace("''", "'", StringComparison.Ordinal));
        Assert.Equal(match.Groups["column"].Value, match.Groups["to"].Value);
        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        var last = int.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture);
        var column = match.Groups["column"].Value;
        return [.. Enumerable.Range(first, last - first + 1).Select(row => workbook.Worksheet(sheet).Cell(row, column))];
    }

    [GeneratedRegex(@"^'(?<sheet>(?:[^']|'')+)'!\$(?<column>[A-Z]+)\$(?<first>\d+):\$(?<to>[A-Z]+)\$(?<last>\d+)$")]
    private static partial Regex ChartReference();
}
