using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// Writes a workbook package sheet by sheet straight into a zip opened for creation: each part is
/// compressed as it is written and never held. (The Open XML SDK's own package keeps every part's
/// XML in memory until it is saved, so memory grew with the answers and a sheet stopped at 2 GB;
/// BENCHMARKS-compile.md.) The parts' XML still comes from the SDK's elements; a sheet's charts and
/// their drawing are written once the sheet's own XML is complete.
/// </summary>
internal sealed class XlsxWriter : IDisposable
{
    /// <summary>Excel's limit; a sheet that reaches it continues on a next sheet.</summary>
    public const int ExcelMaxRows = 1_048_576;

    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SpreadsheetTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    /// <summary>The sheet's relationship to its drawing, the one part that holds all of its charts.</summary>
    public const string DrawingRelationship = "rIdDrawing";

    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];
    private readonly List<int> _tables = [];
    private int _drawings;
    private int _charts;
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private bool _sheetOpen;

    public XlsxWriter(Stream stream, int maxRowsPerSheet = ExcelMaxRows)
    {
        MaxRowsPerSheet = maxRowsPerSheet;
        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        WriteElement("xl/styles.xml", Styles.Create());
    }

    public int MaxRowsPerSheet { get; }

    public SheetWriter AddSheet(string name, IReadOnlyList<double> columnWidths)
    {
        if (_sheetOpen)
            throw new InvalidOperationException("Finish the previous sheet first: parts are written one after the other.");
        _sheetOpen = true;
        _sheets.Add(UniqueName(name));
        var number = _sheets.Count;
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{number}.xml", CompressionLevel.Optimal);
        return new SheetWriter(this, entry.Open(), number, _sheets[^1], columnWidths);
    }

    /// <summary>Called by a sheet once its own XML is complete: its tables, charts and relationships follow.</summary>
    internal void SheetDone(int sheet, string name, IReadOnlyList<Table> tables, IReadOnlyList<BarChart> charts)
    {
        _sheetOpen = false;
        if (tables.Count == 0 && charts.Count == 0)
            return;
        var relationships = new StringBuilder();
        for (var i = 0; i < tables.Count; i++)
        {
            WriteElement($"xl/tables/table{(uint)tables[i].Id!.Value}.xml", tables[i]);
            _tables.Add((int)tables[i].Id!.Value);
            relationships.Append($"""<Relationship Id="rIdTable{i + 1}" Type="{OfficeRelationships}/table" Target="../tables/table{tables[i].Id!.Value}.xml"/>""");
        }
        if (charts.Count > 0)
        {
            // Numbered across the workbook, not per sheet: part names must be unique in the package. The
            // DrawingML parts keep the SDK's prefixes (xdr:, a:, c:) as Excel writes them, for readers
            // that match names as written; each is small and built in memory.
            var drawing = ++_drawings;
            var chartRelationships = new StringBuilder();
            for (var i = 0; i < charts.Count; i++)
            {
                var chart = ++_charts;
                WriteText($"xl/charts/chart{chart}.xml", ChartPart.Build(charts[i], name).OuterXml);
                chartRelationships.Append($"""<Relationship Id="{SheetDrawing.ChartRelationship(i)}" Type="{OfficeRelationships}/chart" Target="../charts/chart{chart}.xml"/>""");
            }
            WriteText($"xl/drawings/drawing{drawing}.xml", SheetDrawing.Build(charts).OuterXml);
            WriteText($"xl/drawings/_rels/drawing{drawing}.xml.rels", $"""<Relationships xmlns="{Relationships}">{chartRelationships}</Relationships>""");
            relationships.Append($"""<Relationship Id="{DrawingRelationship}" Type="{OfficeRelationships}/drawing" Target="../drawings/drawing{drawing}.xml"/>""");
        }
        WriteText($"xl/worksheets/_rels/sheet{sheet}.xml.rels", $"""<Relationships xmlns="{Relationships}">{relationships}</Relationships>""");
    }

    internal uint NextTableId() => _nextTableId++;

    private uint _nextTableId = 1;

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\, unique without regard to case.</summary>
    private string UniqueName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim();
        clean = clean.Length > 31 ? clean[..31] : clean;
        var candidate = clean;
        for (var n = 2; !_names.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }

    private void WriteElement(string path, OpenXmlElement element)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var writer = new PartWriter(stream);
        writer.WriteElement(element);
    }

    private void WriteText(string path, string xml)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
        writer.Write(xml);
    }

    public void Dispose()
    {
        var sheets = new Sheets();
        var workbookRelationships = new StringBuilder();
        for (var i = 0; i < _sheets.Count; i++)
        {
            sheets.Append(new Sheet { Name = _sheets[i], SheetId = (uint)(i + 1), Id = $"rId{i + 1}" });
            workbookRelationships.Append($"""<Relationship Id="rId{i + 1}" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""");
        }
        workbookRelationships.Append($"""<Relationship Id="rIdStyles" Type="{OfficeRelationships}/styles" Target="styles.xml"/>""");
        var printTitles = new DefinedNames(_sheets.Select((name, i) => PrintLayout.TitleRow(i, name)));
        WriteElement("xl/workbook.xml", new DocumentFormat.OpenXml.Spreadsheet.Workbook(sheets, printTitles));
        WriteText("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="{Relationships}">{workbookRelationships}</Relationships>""");
        WriteText("_rels/.rels", $"""<Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");

        var types = new StringBuilder($"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""");
        types.Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""");
        types.Append($"""<Override PartName="/xl/workbook.xml" ContentType="{SpreadsheetTypes}.sheet.main+xml"/>""");
        types.Append($"""<Override PartName="/xl/styles.xml" ContentType="{SpreadsheetTypes}.styles+xml"/>""");
        for (var i = 1; i <= _sheets.Count; i++)
            types.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SpreadsheetTypes}.worksheet+xml"/>""");
        foreach (var table in _tables)
            types.Append($"""<Override PartName="/xl/tables/table{table}.xml" ContentType="{SpreadsheetTypes}.table+xml"/>""");
        for (var drawing = 1; drawing <= _drawings; drawing++)
            types.Append($"""<Override PartName="/xl/drawings/drawing{drawing}.xml" ContentType="{SheetDrawing.ContentType}"/>""");
        for (var chart = 1; chart <= _charts; chart++)
            types.Append($"""<Override PartName="/xl/charts/chart{chart}.xml" ContentType="{ChartPart.ContentType}"/>""");
        WriteText("[Content_Types].xml", types.Append("</Types>").ToString());
        _zip.Dispose();
    }
}
