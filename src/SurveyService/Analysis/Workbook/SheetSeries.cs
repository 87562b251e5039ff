namespace SurveyService.Analysis.Workbook;

/// <summary>
/// A sheet that continues on "Name (2)", "Name (3)"… when it reaches the row limit, repeating its
/// header there, so no sheet ever exceeds Excel's 1,048,576 rows.
/// </summary>
internal sealed class SheetSeries(XlsxWriter workbook, string name, IReadOnlyList<double> widths, Action<SheetWriter> header) : IDisposable
{
    private SheetWriter? _current;
    private int _headerRows;

    public int Sheets { get; private set; }

    public SheetWriter Current
    {
        get
        {
            if (_current is null || _current.IsFull)
            {
                _current?.Dispose();
                _current = workbook.AddSheet(Sheets == 0 ? name : $"{name} ({Sheets + 1})", widths);
                Sheets++;
                header(_current);
                _headerRows = _current.RowCount;
            }
            return _current;
        }
    }

    /// <summary>
    /// The sheet the next rows will all be written on: the current one if they fit, else the next one
    /// (started now); null when no sheet could hold them, and they are split where the limit falls.
    /// </summary>
    public SheetWriter? KeepTogether(int rows)
    {
        var sheet = Current;
        if (sheet.RowsLeft >= rows)
            return sheet;
        if (rows > workbook.MaxRowsPerSheet || sheet.RowCount == _headerRows)
            return null;
        sheet.Dispose();
        _current = null;
        return Current.RowsLeft >= rows ? Current : null;
    }

    public void Row(params IReadOnlyList<XCell> cells) => Current.Row(cells);

    public void MergedRow(int first, int last, params IReadOnlyList<XCell> cells) => Current.MergedRow(first, last, cells);

    public void Dispose() => (_current ?? Current).Dispose();
}
