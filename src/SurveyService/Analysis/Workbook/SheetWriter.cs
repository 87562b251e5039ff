using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SurveyService.Analysis.Workbook;

/// <summary>One sheet being streamed: rows are written as they come and never held.</summary>
internal sealed class SheetWriter : IDisposable
{
    private readonly XlsxWriter _workbook;
    private readonly Stream _stream;
    private readonly int _number;
    private readonly PartWriter _writer;
    private readonly List<(string Name, int FirstRow, string[] Columns)> _tables = [];
    private readonly List<(int Row, int First, int Last)> _merged = [];
    private readonly List<BarChart> _charts = [];
    private readonly IReadOnlyList<double> _widths;

    public SheetWriter(XlsxWriter workbook, Stream stream, int number, string name, IReadOnlyList<double> columnWidths)
    {
        _workbook = workbook;
        _stream = stream;
        _number = number;
        Name = name;
        _widths = columnWidths;
        _writer = new PartWriter(stream);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(PrintLayout.Properties());
        // Widths are set here because AdjustToContents needs GDI+, which Linux lacks.
        _writer.WriteStartElement(new Columns());
        for (var i = 0; i < columnWidths.Count; i++)
            _writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columnWidths[i], CustomWidth = true });
        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
    }

    public string Name { get; }

    /// <summary>Rows written so far (the next row's number is RowCount + 1).</summary>
    public int RowCount { get; private set; }

    /// <summary>Full for a sheet series, which continues on a next sheet (the limit is configurable so tests can reach it).</summary>
    public bool IsFull => RowCount >= _workbook.MaxRowsPerSheet;

    /// <summary>Rows that can still be written before the sheet is full.</summary>
    public int RowsLeft => _workbook.MaxRowsPerSheet - RowCount;

    public void Blank() => Row([]);

    public void Row(params IReadOnlyList<XCell> cells) => WriteRow(cells, null);

    /// <summary>
    /// A row whose cells first to last (0-based columns) are merged into one, holding the first one's
    /// text: long text reads across columns that other rows use for figures.
    /// </summary>
    public void MergedRow(int first, int last, params IReadOnlyList<XCell> cells)
    {
        var width = Enumerable.Range(first, last - first + 1).Sum(i => i < _widths.Count ? _widths[i] : DefaultWidth);
        var cell = cells.Count > first ? cells[first] : XCell.Empty;
        WriteRow(cells, RowHeight.For(cell.Text ?? "", width, cell.Style == Style.Title));
        _merged.Add((RowCount, first, last));
    }

    private const double DefaultWidth = 8.43;

    private void WriteRow(IReadOnlyList<XCell> cells, double? height)
    {
        if (RowCount >= XlsxWriter.ExcelMaxRows)
            throw new InvalidOperationException($"Sheet '{Name}' is full at {RowCount} rows; a sheet that can grow must be a SheetSeries.");
        var rowIndex = (uint)++RowCount;
        _writer.WriteStartRow(rowIndex, height);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var reference = Column(i) + rowIndex;
            if (cell.Number is { } number)
            {
                _writer.WriteNumberCell(reference, (uint)cell.Style, number);
            }
            else if (cell.Text is { } text)
            {
                var clean = ExcelText.Sanitize(text);
                var style = !ExcelText.NeedsQuotePrefix(clean) ? cell.Style : cell.Style switch
                {
                    Style.Wrapped => Style.QuotedWrapped,
                    Style.BoldWrapped => Style.QuotedBoldWrapped,
                    _ => Style.QuotedText,
                };
                _writer.WriteTextCell(reference, (uint)style, clean);
            }
        }
        _writer.WriteEndElement();
    }

    /// <summary>Marks the last row written as the header of an Excel table running to the end of the sheet.</summary>
    public void StartTable(string name, string[] columns) => _tables.Add((name, RowCount, columns));

    /// <summary>A chart of rows already written here, drawn over rows the caller leaves blank for it.</summary>
    public void AddChart(BarChart chart) => _charts.Add(chart);

    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public void Dispose()
    {
        _writer.WriteEndElement(); // SheetData
        if (_merged.Count > 0)
        {
            _writer.WriteStartElement(new MergeCells { Count = (uint)_merged.Count });
            foreach (var (row, first, last) in _merged)
                _writer.WriteElement(new MergeCell { Reference = $"{Column(first)}{row}:{Column(last)}{row}" });
            _writer.WriteEndElement();
        }
        foreach (var element in PrintLayout.Elements())
            _writer.WriteElement(element);
        // After the print settings and before the tables, where the schema orders it.
        if (_charts.Count > 0)
            _writer.WriteElement(new Drawing { Id = XlsxWriter.DrawingRelationship });
        var tables = _tables.Select(t => TableFor(t.Name, t.FirstRow, t.Columns)).ToList();
        if (tables.Count > 0)
        {
            _writer.WriteStartElement(new TableParts { Count = (uint)tables.Count });
            for (var i = 0; i < tables.Count; i++)
                _writer.WriteElement(new TablePart { Id = $"rIdTable{i + 1}" });
            _writer.WriteEndElement();
        }
        _writer.WriteEndElement(); // Worksheet
        _writer.Dispose();
        _stream.Dispose();
        _workbook.SheetDone(_number, Name, tables, _charts);
    }

    private Table TableFor(string name, int headerRow, string[] columns)
    {
        var lastRow = Math.Max(RowCount, headerRow + 1);
        var range = $"A{headerRow}:{Column(columns.Length - 1)}{lastRow}";
        var id = _workbook.NextTableId();
        var tableColumns = new TableColumns { Count = (uint)columns.Length };
        for (var i = 0; i < columns.Length; i++)
            tableColumns.Append(new TableColumn { Id = (uint)(i + 1), Name = columns[i] });
        return new Table(
            new AutoFilter { Reference = range },
            tableColumns,
            new TableStyleInfo { Name = "TableStyleMedium2", ShowRowStripes = true })
        {
            Id = id, Name = $"{name}{id}", DisplayName = $"{name}{id}", Reference = range, TotalsRowShown = false,
        };
    }
}
