using SurveyService.Data.Consultations;

namespace SurveyService.Analysis.Workbook;

/// <summary>The answers left out as not related to the question: kept, with the reason and who screened them.</summary>
internal static class ScreenedOutSheet
{
    public static async Task WriteAsync(XlsxWriter workbook, WorkbookInput input, IReadOnlyCollection<QuestionTier> tiers)
    {
        var questions = input.Questions.ToDictionary(q => q.Id);
        string[] header = ["Entity", "Category", "Question", "Tier", "Reason", "Screened by", "Screened at", "Note", "Answer"];
        using var sheet = new SheetSeries(workbook, "Screened out", [36, 14, 10, 14, 50, 30, 22, 20, 90],
            s => s.Row([.. header.Select(XCell.Bold)]));
        await foreach (var row in input.Rows.ForTiersAsync(tiers, related: false))
        {
            var question = questions[row.QuestionId];
            var (note, parts) = AnalysisWorkbookWriter.AnswerCells(AnalysisWorkbookWriter.AnswerText(row));
            sheet.Row([
                XCell.Label(row.EntityName), XCell.Label(row.Category.ToString()), XCell.Label(question.Code), XCell.Label(question.Tier.ToString()),
                new XCell(row.ScreeningReason ?? "", null, Style.Wrapped),
                XCell.Label(row.ScreenedBy is { } by ? input.StaffNames.GetValueOrDefault(by, by) : ""),
                XCell.Instant(row.ScreenedAt), note, .. parts,
            ]);
        }
    }
}
