// Each mutated file's own score from Stryker's JSON report, against a floor: the total score alone
// hardly moves when the tests of a small rule are deleted (5 mutants of 330), so each rule file
// is held to a floor of its own (docs/mutation-testing.md). Exits 1 when a file is below its floor.
// Usage: dotnet run .ci/mutation-floors.cs -- REPORT FLOOR [PATH-SUFFIX=FLOOR ...]
using System.Globalization;
using System.Text.Json;

if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: dotnet run .ci/mutation-floors.cs -- REPORT FLOOR [PATH-SUFFIX=FLOOR ...]");
    return 2;
}
var floor = double.Parse(args[1], CultureInfo.InvariantCulture);
var ownFloors = args.Skip(2).Select(arg => arg.Split('=', 2))
    .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));

using var report = JsonDocument.Parse(File.ReadAllBytes(args[0]));
var root = report.RootElement.TryGetProperty("projectRoot", out var r) ? r.GetString()?.Replace('\\', '/').TrimEnd('/') + "/" : "";
var below = 0;
foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
{
    var statuses = file.Value.GetProperty("mutants").EnumerateArray().Select(m => m.GetProperty("status").GetString()).ToList();
    var detected = statuses.Count(s => s is "Killed" or "Timeout");
    var undetected = statuses.Count(s => s is "Survived" or "NoCoverage");
    if (detected + undetected == 0)
        continue; // not mutated: outside the mutate globs
    var path = file.Name.Replace('\\', '/');
    path = root.Length > 1 && path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : path;
    var own = ownFloors.Where(pair => path.EndsWith(pair.Key, StringComparison.Ordinal)).Select(pair => (double?)pair.Value).FirstOrDefault();
    var min = own ?? floor;
    var score = 100.0 * detected / (detected + undetected);
    Console.WriteLine(FormattableString.Invariant($"{(score < min ? "BELOW" : "ok"),-5} {score,6:F2} % (floor {min} %)  {path}"));
    if (score < min)
        below++;
}
return below == 0 ? 0 : 1;
