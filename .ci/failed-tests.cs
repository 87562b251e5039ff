// The failed tests of the TRX results, each with the start of its message and stack trace: the last
// lines of a CI run are often all a reader gets, so the names must be printed where they are read.
// Usage: dotnet run .ci/failed-tests.cs -- RESULTS-DIRECTORY
using System.Xml.Linq;

if (args.Length != 1)
{
    Console.Error.WriteLine("Usage: dotnet run .ci/failed-tests.cs -- RESULTS-DIRECTORY");
    return 2;
}
XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
var failed = 0;
foreach (var file in Directory.EnumerateFiles(args[0], "*.trx", SearchOption.AllDirectories))
{
    foreach (var result in XDocument.Load(file).Descendants(trx + "UnitTestResult")
                 .Where(r => (string?)r.Attribute("outcome") == "Failed"))
    {
        failed++;
        Console.WriteLine($"FAILED {(string?)result.Attribute("testName")} ({(string?)result.Attribute("duration")})");
        var error = result.Descendants(trx + "ErrorInfo").FirstOrDefault();
        foreach (var part in new[] { "Message", "StackTrace" })
        {
            var lines = ((string?)error?.Element(trx + part) ?? "").Split('\n').Take(12);
            foreach (var line in lines.Where(l => l.Trim().Length > 0))
                Console.WriteLine($"    {line.TrimEnd()}");
        }
    }
}
return failed == 0 ? 0 : 1;
