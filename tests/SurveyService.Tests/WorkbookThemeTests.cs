using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SurveyService.Analysis;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Themes analysts tagged through the API are counted on the tier sheets under their text question,
/// in a table laid out as an option table and a native bar chart of both shares drawn from it; read
/// back with ClosedXML, the Open XML SDK (and its validator), ExcelJS, openpyxl and LibreOffice.
/// </summary>
public sealed class WorkbookThemeTests(ThemedConsultation consultation) : IClassFixture<ThemedConsultation>
{
    private static readonly RespondentCategory[] Categories = Enum.GetValues<RespondentCategory>();
    private static readonly Dictionary<string, string> TierOf = new() { ["1a"] = "MemberStates", ["2a"] = "Membership", ["3a"] = "Open" };
    private static readonly string[] TierSheets = ["i Member States", "ii Membership", "iii Open"];

    // Columns of a figures table, 1-based: theme, count, one per category, share, weighted share.
    private const int CountColumn = 2, FirstCategoryColumn = 3;
    private static readonly int ShareColumn = FirstCategoryColumn + Categories.Length, WeightedColumn = ShareColumn + 1;

    private static string[] Themed(string? scope) => [.. TierOf.Keys.Where(code => scope is null || TierOf[code] == scope)];

    [Fact]
    public void TheRecompiledSummaryCountsEachThemeByCategoryUnweightedAndWeighted()
    {
        // 3a: two Member States (1 each), a Sector Member (0.5) and three Stakeholders (0.25 each) answered, 3.25 in all.
        // Spectrum: both Member States and a Stakeholder, 2.25 of 3.25; Skills: a Member State, the Sector Member and a Stakeholder, 1.75.
        Assert.Equal([("Skills", 3, "MemberState=1 SectorMember=1 Stakeholder=1", 0.5, 0.5385), ("Spectrum", 3, "MemberState=2 Stakeholder=1", 0.5, 0.6923)],
            Figures("3a"));
        // 2a: two Member States and the Sector Member, 2.5 in all.
        Assert.Equal([("Spectrum", 1, "MemberState=1", 0.3333, 0.4), ("Standards", 3, "MemberState=2 SectorMember=1", 1.0, 1.0)], Figures("2a"));
        Assert.Equal([("Capacity", 1, "MemberState=1", 0.5, 0.5), ("Spectrum", 1, "MemberState=1", 0.5, 0.5)], Figures("1a"));
        Assert.Empty(consultation.Question("3d").Themes!);

        (string, int, string, double, double)[] Figures(string code) => [.. consultation.Question(code).Themes!.Select(t =>
            (t.Option, t.Count, string.Join(' ', t.ByCategory.Select(c => $"{c.Key}={c.Value}")), t.Share, t.WeightedShare))];
    }

    [Theory]
    [InlineData(null)]
    [InlineData("MemberStates")]
    [InlineData("Membership")]
    [InlineData("Open")]
    public void UnderEachTextQuestionItsThemesAreCountedAsTheSummaryCountsThemInATableLaidOutAsAnOptionTable(string? scope)
    {
        using var workbook = new XLWorkbook(new MemoryStream(consultation.Workbook(scope)));
        foreach (var code in Themed(scope))
        {
            var (sheet, header) = ThemeTable(workbook, code);
            Assert.Equal(["Theme", "Count", .. Categories.Select(c => c.ToString()), "Share", "Weighted share"],
                Enumerable.Range(1, WeightedColumn).Select(column => sheet.Cell(header, column).GetString()));
            var themes = consultation.Question(code).Themes!;
            for (var i = 0; i < themes.Length; i++)
            {
                var row = sheet.Row(header + 1 + i);
                Assert.Equal(themes[i].Option, row.Cell(1).GetString());
                Assert.Equal(themes[i].Count, row.Cell(CountColumn).GetDouble());
                Assert.Equal(Categories.Select(c => (double)themes[i].ByCategory.GetValueOrDefault(c)),
                    Categories.Select((_, c) => row.Cell(FirstCategoryColumn + c).GetDouble()));
                Assert.Equal((themes[i].Share, themes[i].WeightedShare), (row.Cell(ShareColumn).GetDouble(), row.Cell(WeightedColumn).GetDouble()));
                // Shown as percentages (built-in format 10, 0.00%), as option shares are.
                Assert.Equal((10, 10), (row.Cell(ShareColumn).Style.NumberFormat.NumberFormatId, row.Cell(WeightedColumn).Style.NumberFormat.NumberFormatId));
            }
            // The chart's blank rows, then the answers.
            Assert.True(sheet.Cell(header + themes.Length + 1, 1).IsEmpty());
            Assert.Equal("Entity", sheet.Cell(header + themes.Length + 1 + 14, 1).GetString());
        }
        if (scope is null or "Open")
        {
            // A text question nobody tagged goes straight from its respondents to its answers.
            var (sheet, below3d) = ThemeTable(workbook, "3d");
            Assert.Equal("Entity", sheet.Cell(below3d, 1).GetString());
        }

        var overview = workbook.Worksheet("Overview");
        var themesRow = overview.Column(1).CellsUsed(c => c.GetString() == "Themes").Single().Address.RowNumber;
        Assert.StartsWith(scope switch
        {
            null => "4 themes tagged by analysts in the answers to 3 text questions (1a, 2a, 3a)",
            "MemberStates" => "2 themes tagged by analysts in the answers to 1 text question (1a)",
            "Membership" => "2 themes tagged by analysts in the answers to 1 text question (2a)",
            _ => "2 themes tagged by analysts in the answers to 1 text question (3a)",
        }, overview.Cell(themesRow, 2).GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("MemberStates")]
    [InlineData("Membership")]
    [InlineData("Open")]
    public void EachThemeTableHasABarChartOfBothSharesReferringToItsCellsWithTheirValuesCached(string? scope)
    {
        using var workbook = new XLWorkbook(new MemoryStream(consultation.Workbook(scope)));
        var charts = WorkbookCharts.Read(consultation.Workbook(scope)).Where(c => c.Title.Contains(" themes: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Themed(scope).Select(code => $"{code} themes: Question {code}?"), charts.Select(c => c.Title));
        foreach (var chart in charts)
        {
            var code = chart.Title.Split(' ')[0];
            var themes = consultation.Question(code).Themes!;
            var (sheet, header) = ThemeTable(workbook, code);
            Assert.Equal(sheet.Name, chart.Sheet);
            Assert.Equal("Bar", chart.Direction);
            Assert.Contains($"question {code}", chart.Description);
            Assert.Equal(["Unweighted", "Weighted"], chart.Series.Select(s => s.Name));

            var quoted = $"'{sheet.Name}'!";
            Assert.All(chart.Series, s => Assert.Equal(Reference(quoted, 1, header + 1, header + themes.Length), s.CategoryReference));
            Assert.Equal(Reference(quoted, ShareColumn, header + 1, header + themes.Length), chart.Series[0].ValueReference);
            Assert.Equal(Reference(quoted, WeightedColumn, header + 1, header + themes.Length), chart.Series[1].ValueReference);

            // The caches hold what the referenced cells hold, which is what the summary counts.
            Assert.All(chart.Series, s => Assert.Equal(themes.Select(t => t.Option), s.CategoryCache));
            Assert.Equal(themes.Select(t => t.Share), chart.Series[0].ValueCache);
            Assert.Equal(themes.Select(t => t.WeightedShare), chart.Series[1].ValueCache);
            Assert.Equal(chart.Series[0].ValueCache, Enumerable.Range(header + 1, themes.Length).Select(r => sheet.Cell(r, ShareColumn).GetDouble()));
            Assert.Equal(chart.Series[1].ValueCache, Enumerable.Range(header + 1, themes.Length).Select(r => sheet.Cell(r, WeightedColumn).GetDouble()));

            // Drawn over the blank rows below the table, covering nothing.
            Assert.Equal((0, header + themes.Length, 6, header + themes.Length + 14), (chart.FromColumn, chart.FromRow, chart.ToColumn, chart.ToRow));
            Assert.Empty(sheet.Range(chart.FromRow + 1, 1, chart.ToRow, chart.ToColumn + 1).CellsUsed(c => !c.IsEmpty()));
        }
        if (scope is null or "Open")
        {
            // What the weighted series is for: Spectrum and Skills are each in half of 3a's answers, not of its weight.
            var open = charts.Single(c => c.Title.StartsWith("3a ", StringComparison.Ordinal));
            Assert.Equal([0.5, 0.5], open.Series[0].ValueCache);
            Assert.Equal([0.5385, 0.6923], open.Series[1].ValueCache);
        }
        Assert.DoesNotContain(WorkbookCharts.Read(consultation.Workbook(scope)), c => c.Title.StartsWith("3d ", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryWorkbookWithThemeChartsIsValidOpenXml()
    {
        foreach (var scope in ThemedConsultation.Scopes)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(consultation.Workbook(scope)), false);
            foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Office2016 })
            {
                var errors = new OpenXmlValidator(version).Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();
                Assert.True(errors.Length == 0, $"{scope ?? "whole"} workbook, {version}:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(10))}");
            }
            var charts = WorkbookCharts.Read(consultation.Workbook(scope));
            Assert.Equal(scope switch
            {
                null => ["1a themes: Question 1a?", "1b Question 1b?", "2a themes: Question 2a?", "3a themes: Question 3a?", "3b Question 3b?"],
                "MemberStates" => ["1a themes: Question 1a?", "1b Question 1b?"],
                "Membership" => ["2a themes: Question 2a?"],
                _ => ["3a themes: Question 3a?", "3b Question 3b?"],
            }, charts.Select(c => c.Title));
            Assert.Equal(charts.Count, charts.Select(c => c.Part).Distinct().Count());
        }
    }

    [SkippableFact]
    public async Task LibreOfficeOpensEveryWorkbookAndSavesItWithItsThemeTablesAndCharts()
    {
        var resaved = await LibreOffice.ResaveAsync(ThemedConsultation.Scopes.ToDictionary(s => s ?? "All", consultation.Workbook));
        foreach (var scope in ThemedConsultation.Scopes)
        {
            WorkbookRoundTrip.AssertKeptCellsAndCharts(consultation.Workbook(scope), resaved[scope ?? "All"], scope ?? "whole");
            Assert.Equal(Themed(scope).Length, WorkbookCharts.Read(resaved[scope ?? "All"]).Count(c => c.Title.Contains(" themes: ", StringComparison.Ordinal)));
        }
    }

    [SkippableTheory]
    [InlineData(WorkbookReaders.ExcelJs)]
    [InlineData(WorkbookReaders.Openpyxl)]
    public async Task ReadersOutsideDotNetReadTheThemeCountsAndSharesOfEveryWorkbook(string reader)
    {
        foreach (var scope in ThemedConsultation.Scopes)
        {
            var read = await WorkbookReaders.ReadAsync(reader, consultation.Workbook(scope));
            using var workbook = new XLWorkbook(new MemoryStream(consultation.Workbook(scope)));
            foreach (var code in Themed(scope))
            {
                var (sheet, header) = ThemeTable(workbook, code);
                var cells = read.Sheet(sheet.Name).Cells;
                double Number(int row, int column) => cells[$"{SheetColumn(column)}{row}"].Value.GetDouble();
                var themes = consultation.Question(code).Themes!;
                Assert.Equal("Theme", cells[$"A{header}"].Value.GetString());
                Assert.Equal(themes.Select(t => (t.Option, (double)t.Count, string.Join(' ', Categories.Select(c => t.ByCategory.GetValueOrDefault(c))), t.Share, t.WeightedShare)),
                    themes.Select((_, i) => (cells[$"A{header + 1 + i}"].Value.GetString()!, Number(header + 1 + i, CountColumn),
                        string.Join(' ', Categories.Select((_, c) => Number(header + 1 + i, FirstCategoryColumn + c).ToString(CultureInfo.InvariantCulture))),
                        Number(header + 1 + i, ShareColumn), Number(header + 1 + i, WeightedColumn))));
            }
            if (reader != WorkbookReaders.Openpyxl)
                continue;
            // openpyxl loads the theme charts too, drawing from the same cells.
            var charts = WorkbookCharts.Read(consultation.Workbook(scope));
            Assert.Equal(charts.Select(c => (c.Sheet, (string?)c.Title, string.Join(" | ", c.Series.Select(s => $"{s.Name} {s.CategoryReference} {s.ValueReference}")))),
                read.Sheets.SelectMany(s => s.Charts!.Select(c => (s.Name, c.Title, string.Join(" | ", c.Series.Select(x => $"{x.Name} {x.Categories} {x.Values}"))))));
        }
    }

    [Fact]
    public async Task ATextQuestionMovesToTheNextSheetWithItsThemeTableAndChartAndItsAnswersRunOn()
    {
        await using var app = new SurveyApplication();
        app.Settings["Analysis:MaxRowsPerSheet"] = "30";
        var closed = await app.CloseWithAnswersAsync(12, RespondentCategory.Stakeholder,
            (q, i) => [new { questionId = q["3b"], choices = new[] { i % 3 == 0 ? "Yes" : "No" } }, new { questionId = q["3a"], text = $"answer {i}" }],
            [new("3b", "Open", "SingleChoice", ["Yes", "No", "Not sure"]), new("3a", "Open")]);
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(closed.Id);
        var answers = (await (await analyst.GetAsync($"/api/consultations/{closed.Id}/answers?questionId={closed.Questions["3a"]}&pageSize=500"))
            .ReadAsAsync<AnswerPage>()).Items;
        foreach (var (name, tagged) in new[] { ("Cost", new[] { 0, 1, 2, 3 }), ("Access", [2, 3, 4, 5, 6]) })
        {
            var theme = await (await analyst.PostAsJsonAsync($"/api/consultations/{closed.Id}/themes", new { name }))
                .ReadAsAsync<SurveyService.Analysis.Themes.ThemeResponse>(HttpStatusCode.Created);
            foreach (var i in tagged)
                Assert.Equal(HttpStatusCode.NoContent, (await analyst.PutAsync(
                    $"/api/consultations/{closed.Id}/answers/{answers.Single(a => a.Text == $"answer {i}").Id}/themes/{theme.Id}", null)).StatusCode);
        }
        await (await analyst.PostAsync($"/api/consultations/{closed.Id}/analysis", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        await analyst.WaitForRecompileAsync(closed.Id);
        var (workbook, bytes) = await analyst.DownloadWorkbookAsync(closed.Id, "Open");
        using var _ = workbook;

        // 3b's table and chart fill most of the first sheet; 3a's heading, theme table, chart and answers' header need more than is left.
        var charts = WorkbookCharts.Read(bytes);
        Assert.Equal([("3b Question 3b?", "iii Open"), ("3a themes: Question 3a?", "iii Open (2)")], charts.Select(c => (c.Title, c.Sheet)));
        var second = workbook.Worksheet("iii Open (2)");
        Assert.Equal(["iii Open (continued)", "3a", "Theme", "Access", "Cost"], new[] { 1, 3, 6, 7, 8 }.Select(r => second.Cell(r, 1).GetString()));
        Assert.Equal([5.0, 4.0], new[] { 7, 8 }.Select(r => second.Cell(r, CountColumn).GetDouble()));
        var themed = charts[1];
        Assert.Equal("'iii Open (2)'!$A$7:$A$8", themed.Series[0].CategoryReference);
        Assert.Equal("'iii Open (2)'!$I$7:$I$8", themed.Series[1].ValueReference);
        // Five and four of the twelve Stakeholders; one category, so weighted as unweighted.
        Assert.All(themed.Series, s => Assert.Equal([0.4167, 0.3333], s.ValueCache));
        Assert.Equal("Entity", second.Cell(themed.ToRow + 1, 1).GetString());

        // The answers run on to the next sheet, all twelve of them, and no sheet passes the limit.
        var sheets = workbook.Worksheets.Where(s => s.Name.StartsWith("iii Open", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["iii Open", "iii Open (2)", "iii Open (3)"], sheets.Select(s => s.Name));
        Assert.Equal(12, sheets.SelectMany(s => s.Column(3).CellsUsed(c => c.GetString().StartsWith("answer ", StringComparison.Ordinal))).Count());
        Assert.All(sheets, s => Assert.True(s.LastRowUsed()?.RowNumber() is null or <= 30, $"{s.Name} has more than 30 rows."));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document));
    }

    /// <summary>The sheet and row of the header of the theme table under a question: three rows below its code (respondents' header and counts between).</summary>
    private static (IXLWorksheet Sheet, int Header) ThemeTable(XLWorkbook workbook, string code)
    {
        var heading = workbook.Worksheets.Where(s => TierSheets.Any(t => s.Name.StartsWith(t, StringComparison.Ordinal)))
            .SelectMany(s => s.Column(1).CellsUsed(c => c.GetString() == code)).Single();
        return (heading.Worksheet, heading.Address.RowNumber + 3);
    }

    private static string Reference(string quotedSheet, int column, int first, int last) =>
        $"{quotedSheet}${SheetColumn(column)}${first}:${SheetColumn(column)}${last}";

    private static string SheetColumn(int column) => XLHelper.GetColumnLetterFromNumber(column);
}
