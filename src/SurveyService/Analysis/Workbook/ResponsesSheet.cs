using SurveyService.Data.Consultations;

namespace SurveyService.Analysis.Workbook;

/// <summary>Every related answer, one row each (long format), as an Excel table ready for pivoting.</summary>
internal static class ResponsesSheet
{
    public static async Task WriteAsync(XlsxWriter workbook, WorkbookInput input, IReadOnlyCollection<QuestionTier> tiers)
    {
        var questions = input.Questions.ToDictionary(q => q.Id);
        // Enough columns for the longest text any question in scope accepts; Excel cells hold 32,767 characters.
        var textColumns = Math.Max(1, input.Questions.Where(q => tiers.Contains(q.Tier) && q.Type == QuestionType.Text)
            .Select(q => (int)Math.Ceiling((q.MaxLength ?? 1) / (double)ExcelText.CellLimit)).DefaultIfEmpty(1).Max());
        string[] columns = ["Entity", "Entity id", "Category", "Weight", "Question", "Tier", "Type", "Answer id", "Choices", "Value", "Note",
            "Text", .. Enumerable.Range(2, textColumns - 1).Select(n => $"Text (part {n})")];
        double[] widths = [36, 38, 14, 9, 10, 14, 15, 38, 30, 8, 20, .. Enumerable.Repeat(80.0, textColumns)];

        using var sheet = new SheetSeries(workbook, "Responses", widths, s =>
        {
            s.Row([.. columns.Select(XCell.Bold)]);
            s.StartTable("Responses", columns);
        });
        await foreach (var row in input.Rows.ForTiersAsync(tiers, related: true))
        {
            var question = questions[row.QuestionId];
            var (note, parts) = row.Text is null ? (XCell.Empty, (IReadOnlyList<XCell>)[XCell.Empty]) : AnalysisWorkbookWriter.AnswerCells(row.Text);
            if (AnalysisWorkbookWriter.NotInTheFigures(input, question, row) is { } notPlaced)
                note = new XCell(note.Text is null ? notPlaced : $"{notPlaced} {note.Text}", null, Style.Wrapped);
            sheet.Row([
                XCell.Label(row.EntityName), XCell.Label(row.EntityId.ToString()), XCell.Label(row.Category.ToString()),
                AnalysisWorkbookWriter.Weight(input, row.Category),
                XCell.Label(question.Code), XCell.Label(question.Tier.ToString()), XCell.Label(question.Type.ToString()), XCell.Label(row.AnswerId.ToString()),
                row.Choices is { } choices ? XCell.Label(string.Join("; ", choices)) : XCell.Empty,
                row.Value is { } value ? XCell.Of(value) : XCell.Empty,
                note, .. parts,
            ]);
        }
    }
}
