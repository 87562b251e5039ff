namespace SurveyService.Analysis.Workbook;

/// <summary>One cell to write: text (always a text cell, whatever it looks like), a number, or nothing.</summary>
internal readonly record struct XCell(string? Text, double? Number, Style Style)
{
    public static readonly XCell Empty = new(null, null, Style.Default);

    /// <summary>Text that is known to fit a cell (labels, names, codes); still sanitized and quote-prefixed where needed.</summary>
    public static XCell Label(string? text, Style style = Style.Default) => new(text ?? "", null, style);

    public static XCell Bold(string text) => new(text, null, Style.Bold);

    public static XCell Of(double number, Style style = Style.Default) => new(null, number, style);

    public static XCell Percent(double share) => new(null, share, Style.Percent);

    /// <summary>
    /// A UTC instant as a date cell: Excel's serial number with a date format. Cut to the second the
    /// format shows, so that every reader (each rounds the serial to milliseconds) gives the same time.
    /// </summary>
    public static XCell Instant(DateTime? utc) =>
        utc is { } at ? new(null, at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)).ToOADate(), Style.Instant) : Empty;

    /// <summary>
    /// Free text, as many cells as it needs: one, or for text over Excel's 32,767-character limit,
    /// consecutive cells in order. The caller adds a visible note when there are several.
    /// </summary>
    public static IReadOnlyList<XCell> FreeText(string text, bool wrap = true) =>
        [.. ExcelText.Parts(text).Select(part => new XCell(part, null, wrap ? Style.Wrapped : Style.Default))];

    public static string ContinuationNote(int parts, int length) =>
        $"Text of {length:N0} characters continues over {parts} cells (Excel holds at most {ExcelText.CellLimit:N0} in one).";
}
