namespace SurveyService.Analysis.Workbook;

/// <summary>
/// The height of a row whose merged cell wraps text: Excel fits a row to wrapped text itself, but not
/// in merged cells, where the row would stay one line high and hide the rest.
/// </summary>
internal static class RowHeight
{
    private const double MaxHeight = 409.5; // Excel's tallest row, in points

    // Generous rather than short, so that no line is hidden: a width unit holds about one character of
    // the 11-point font (bold ones a little less) and fewer of the 14-point title.
    public static double For(string text, double width, bool title)
    {
        var (perUnit, lineHeight) = title ? (0.65, 19.0) : (0.9, 15.0);
        var perLine = Math.Max(1, (int)(width * perUnit));
        int lines = 0, length = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines += Math.Max(1, (length + perLine - 1) / perLine);
                length = 0;
            }
            else if (c != '\r')
            {
                length++;
            }
        }
        lines += Math.Max(1, (length + perLine - 1) / perLine);
        return Math.Min(MaxHeight, lines * lineHeight);
    }
}
