using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SurveyService.Bench;

/// <summary>
/// Diagnostic: does one worksheet part survive more than 2 GB of XML when the package is created
/// the way XlsxWriter creates it (SpreadsheetDocument.Create on a read-write file stream)? It
/// writes rows of one 30,000-character cell until the XML passes <paramref name="gigabytes"/> and
/// reports how far it got, and the exception if any.
/// </summary>
internal static class PackageLimit
{
    public static int Run(string output, double gigabytes)
    {
        var cell = new string('x', 30_000);
        long written = 0;
        var target = (long)(gigabytes * 1024 * 1024 * 1024);
        try
        {
            using (var file = new FileStream(output, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
            {
                var workbook = document.AddWorkbookPart();
                workbook.Workbook = new Workbook();
                var part = workbook.AddNewPart<WorksheetPart>();
                workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Big" }));
                using (var writer = OpenXmlWriter.Create(part))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteStartElement(new SheetData());
                    while (written < target)
                    {
                        writer.WriteStartElement(new Row());
                        writer.WriteElement(new Cell(new InlineString(new Text(cell))) { DataType = CellValues.InlineString });
                        writer.WriteEndElement();
                        written += cell.Length + 60;
                    }
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                    writer.Close();
                }
                workbook.Workbook.Save();
            }
            Console.WriteLine($"PACKAGE-LIMIT ok: about {written / 1048576.0:F0} MB of sheet XML written; file {new FileInfo(output).Length / 1048576.0:F0} MB");
            return 0;
        }
        catch (Exception exception)
        {
            Console.WriteLine($"PACKAGE-LIMIT failed after about {written / 1048576.0:F0} MB of sheet XML: {exception.GetType().FullName}: {exception.Message}");
            Console.WriteLine(string.Join('\n', (exception.StackTrace ?? "").Split('\n').Take(6)));
            return 1;
        }
        finally
        {
            File.Delete(output);
        }
    }
}
