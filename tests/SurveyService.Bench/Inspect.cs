using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SurveyService.Bench;

/// <summary>
/// Untimed check that the compile and the floor wrote comparable work: rows, cells and characters
/// of cell text in each file, read back with the SDK's streaming reader.
/// </summary>
internal static class Inspect
{
    public static void Print(string path, string label)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        long rows = 0, cells = 0, characters = 0;
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (!reader.IsStartElement)
                    continue;
                if (reader.ElementType == typeof(Row))
                    rows++;
                else if (reader.ElementType == typeof(Cell))
                    cells++;
                else if (reader.ElementType == typeof(Text))
                    characters += reader.GetText().Length;
            }
        }
        Console.WriteLine($"INSPECT label={label} sheets={workbook.Workbook.Sheets.Count()} rows={rows} cells={cells} text_chars={characters}");
    }
}
