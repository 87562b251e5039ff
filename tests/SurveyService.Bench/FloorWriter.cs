using System.Data.Common;
using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SurveyService.Consultations;

namespace SurveyService.Bench;

/// <summary>
/// The floor: the cells the compile writes for the answers, written by a bare OpenXmlWriter loop.
/// Same package API (SpreadsheetDocument.Create on a file stream), same rows and cells, same
/// text; but read with one plain unordered SQL query per sheet (no EF materialisation, no sort),
/// no styles, no cell references, no sanitising, no table part. Whatever the compile costs above
/// this is the price of its ordering, its figures and its care; the floor is not a valid analysis.
/// </summary>
internal static class FloorWriter
{
    // The answers that count: each submission's latest submitted version, as AnswerRows reads them.
    private const string Answers = """
        SELECT e."Name", e."Id", e."Category", q."Code", q."Tier", q."Type", a."Id", a."Choices", a."Value", a."Text"
        FROM "Submissions" AS s
        JOIN "SubmittedAnswers" AS a ON a."SubmittedVersionId" = s."LatestSubmittedVersionId"
        JOIN "Entities" AS e ON e."Id" = s."EntityId"
        JOIN "Questions" AS q ON q."Id" = a."QuestionId"
        WHERE s."ConsultationId" = $id AND s."LatestSubmittedVersionId" IS NOT NULL AND a."Related"
        """;

    private sealed record SheetSpec(string Name, string Sql, Action<OpenXmlWriter, DbDataReader, IReadOnlyDictionary<string, double>> Cells);

    private static readonly SheetSpec[] Sheets =
    [
        // The tier sheets' text answers: entity, category, weight, text (4 cells a row).
        new("Texts", Answers + """ AND a."Text" IS NOT NULL""", (writer, row, weights) =>
        {
            Text(writer, row.GetString(0));
            Text(writer, row.GetString(2));
            Number(writer, weights[row.GetString(2)]);
            Text(writer, row.GetString(9));
        }),
        // The Responses rows: entity, entity id, category, weight, question, tier, type, answer id, and the answer (9 cells a row).
        new("Responses", Answers, (writer, row, weights) =>
        {
            Text(writer, row.GetString(0));
            Text(writer, row.GetString(1));
            Text(writer, row.GetString(2));
            Number(writer, weights[row.GetString(2)]);
            Text(writer, row.GetString(3));
            Text(writer, row.GetString(4));
            Text(writer, row.GetString(5));
            Text(writer, row.GetString(6));
            if (!row.IsDBNull(7))
                Text(writer, string.Join("; ", JsonSerializer.Deserialize<string[]>(row.GetString(7))!));
            else if (!row.IsDBNull(8))
                Number(writer, row.GetInt32(8));
            else
                Text(writer, row.GetString(9));
        }),
    ];

    /// <param name="zipStreamed">
    /// Diagnostic: the same sheets streamed into a ZipArchive opened in Create mode (each part
    /// compressed as it is written) instead of the SDK's package, which SpreadsheetDocument.Create
    /// opens read-write; SDK 2.20 refuses a write-only package. The difference between the two is
    /// what the package costs in memory.
    /// </param>
    public static async Task<Outcome> WriteAsync(string database, string title, string output, bool zipStreamed = false)
    {
        await using var db = BenchDatabase.Open(database);
        var id = await BenchDatabase.ConsultationIdAsync(db, title);
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Weights).SingleAsync(c => c.Id == id);
        var weights = CategoryWeights.Of(consultation).ToDictionary(w => w.Key.ToString(), w => (double)w.Value);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        await using (var file = new FileStream(output, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            if (zipStreamed)
                await ZipAsync(file, connection, id, weights);
            else
                await PackageAsync(file, connection, id, weights);
        }
        return new Outcome(new FileInfo(output).Length);
    }

    /// <summary>Diagnostic: the floor's queries alone, every column of every row read, nothing written.</summary>
    public static async Task<Outcome> ReadOnlyAsync(string database, string title)
    {
        await using var db = BenchDatabase.Open(database);
        var id = await BenchDatabase.ConsultationIdAsync(db, title);
        await db.Database.OpenConnectionAsync();
        long characters = 0;
        foreach (var spec in Sheets)
        {
            await using var command = Command(db.Database.GetDbConnection(), spec.Sql, id);
            await using var row = await command.ExecuteReaderAsync();
            while (await row.ReadAsync())
            {
                for (var i = 0; i < row.FieldCount; i++)
                    characters += row.IsDBNull(i) ? 0 : row.GetValue(i) is string text ? text.Length : 1;
            }
        }
        return new Outcome(0, new Dictionary<string, double> { ["text_chars_millions"] = characters / 1e6 });
    }

    private static DbCommand Command(DbConnection connection, string sql, Guid id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$id";
        parameter.Value = id.ToString().ToUpperInvariant(); // EF stores Guids on SQLite as upper-case text
        command.Parameters.Add(parameter);
        return command;
    }

    private static async Task PackageAsync(Stream file, DbConnection connection, Guid id, IReadOnlyDictionary<string, double> weights)
    {
        using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        foreach (var spec in Sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = spec.Name });
            using var writer = OpenXmlWriter.Create(part);
            await SheetAsync(writer, spec, connection, id, weights);
        }
        workbook.Workbook.Save();
    }

    /// <summary>A minimal valid xlsx by hand: content types, relationships, workbook, and the sheets streamed in.</summary>
    private static async Task ZipAsync(Stream file, DbConnection connection, Guid id, IReadOnlyDictionary<string, double> weights)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var numbers = Enumerable.Range(1, Sheets.Length).ToArray();
        Entry(zip, "[Content_Types].xml",
            """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
            + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"""
            + """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
            + string.Concat(numbers.Select(n => $"""<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))
            + "</Types>");
        Entry(zip, "_rels/.rels",
            $"""<Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="{Relationships}">"""
            + string.Concat(numbers.Select(n => $"""<Relationship Id="rId{n}" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet{n}.xml"/>"""))
            + "</Relationships>");
        Entry(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheets>"""
            + string.Concat(numbers.Select(n => $"""<sheet name="{Sheets[n - 1].Name}" sheetId="{n}" r:id="rId{n}"/>"""))
            + "</sheets></workbook>");
        foreach (var n in numbers)
        {
            await using var stream = zip.CreateEntry($"xl/worksheets/sheet{n}.xml", CompressionLevel.Optimal).Open();
            using var writer = OpenXmlWriter.Create(stream);
            await SheetAsync(writer, Sheets[n - 1], connection, id, weights);
        }
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open());
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + xml);
    }

    private static async Task SheetAsync(OpenXmlWriter writer, SheetSpec spec, DbConnection connection, Guid id, IReadOnlyDictionary<string, double> weights)
    {
        await using var command = Command(connection, spec.Sql, id);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        await using var row = await command.ExecuteReaderAsync();
        while (await row.ReadAsync())
        {
            writer.WriteStartElement(new Row());
            spec.Cells(writer, row, weights);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    private static void Text(OpenXmlWriter writer, string text) =>
        writer.WriteElement(new Cell(new InlineString(new Text(text))) { DataType = CellValues.InlineString });

    private static void Number(OpenXmlWriter writer, double number) =>
        writer.WriteElement(new Cell { CellValue = new CellValue(number) });
}
