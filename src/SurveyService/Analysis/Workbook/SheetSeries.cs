namespace SurveyService.Analysis.Workbook;

/// <summary>
/// A sheet that continues on "Name (2)", "Name (3)"… when it reaches the row limit, repeating its
/// header there, so no sheet ever exceeds Excel's 1,048,576 rows.
/// </summary>
internal sealed class SheetSeries(XlsxWriter workbook, string name, IReadOnlyList<double> widths, Action<SheetWriter> header) : IDisposable
{
    private SheetWriter? _current;

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
            }
            return _current;
        }
    }

    public void Row(params IReadOnlyList<XCell> cells) => Current.Row(cells);

    public void MergedRow(int first, int last, params IReadOnlyList<XCell> cells) => Current.MergedRow(first, last, cells);

    public void Dispose() => (_current ?? Current).Dispose();
}
