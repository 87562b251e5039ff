namespace SurveyService.Accounts.Import;

/// <summary>One row of a file's first sheet, numbered as the spreadsheet numbers it (from 1, blank rows counted).</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>What reading a file gave: its non-blank rows, or why it has none to give.</summary>
internal abstract record SheetRead
{
    /// <param name="Rows">Non-blank rows in order, the header first; at most the limit the reader was given.</param>
    /// <param name="QuoteNotClosed">Where a CSV value opened a quote that never closes (row, cell index).</param>
    public sealed record Read(IReadOnlyList<SheetRow> Rows, (int Row, int Cell)? QuoteNotClosed = null) : SheetRead;

    public sealed record Unreadable(ImportProblem Why) : SheetRead;
}
