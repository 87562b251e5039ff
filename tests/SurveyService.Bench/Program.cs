using System.Globalization;

namespace SurveyService.Bench;

/// <summary>
/// One measurement per process (see run-benchmark.sh):
///   seed    --db FILE --submissions N          build the database (not a measurement)
///   compile --db FILE --out FILE.xlsx          the service's compile, whole workbook, to a file
///   build   --db FILE                          BuildAsync: all four workbooks, each to a temporary file
///   floor   --db FILE --out FILE.xlsx          the same cells by a bare OpenXmlWriter loop
///   floor-zip --db FILE --out FILE.xlsx   diagnostic: the floor streamed into a plain ZipArchive, no SDK package
///   floor-read --db FILE                      diagnostic: the floor's queries, drained, nothing written
///   read    --db FILE                          diagnostic: the compile's queries, drained, nothing written
///   package-limit --out FILE.xlsx [--gb 2.2]   diagnostic: one sheet part of more than 2 GB through the SDK package
///   inspect --file FILE.xlsx                   rows, cells and text characters in a workbook
/// --submissions N labels the RESULT line in the measuring modes.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
            return Usage();
        var options = Options(args.Skip(1).ToArray());
        string Get(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        var n = options.TryGetValue("submissions", out var count) ? int.Parse(count, CultureInfo.InvariantCulture) : 0;

        switch (args[0])
        {
            case "seed":
                await Seeder.SeedAsync(Get("db"), n, options.TryGetValue("batch", out var batch) ? int.Parse(batch, CultureInfo.InvariantCulture) : 500);
                return 0;
            case "compile":
                var compiled = Get("out");
                await Harness.RunAsync("compile", n,
                    () => CompileRuns.CompileToFileAsync(Get("db"), BenchDatabase.WarmUpTitle, compiled + ".warmup"),
                    () => CompileRuns.CompileToFileAsync(Get("db"), BenchDatabase.MeasuredTitle, compiled));
                File.Delete(compiled + ".warmup");
                return 0;
            case "build":
                await Harness.RunAsync("build-all", n,
                    () => CompileRuns.BuildAllAsync(Get("db"), BenchDatabase.WarmUpTitle),
                    () => CompileRuns.BuildAllAsync(Get("db"), BenchDatabase.MeasuredTitle));
                return 0;
            case "floor":
                var floor = Get("out");
                await Harness.RunAsync("floor", n,
                    () => FloorWriter.WriteAsync(Get("db"), BenchDatabase.WarmUpTitle, floor + ".warmup"),
                    () => FloorWriter.WriteAsync(Get("db"), BenchDatabase.MeasuredTitle, floor));
                File.Delete(floor + ".warmup");
                return 0;
            case "floor-zip":
                var streamed = Get("out");
                await Harness.RunAsync("floor-zip", n,
                    () => FloorWriter.WriteAsync(Get("db"), BenchDatabase.WarmUpTitle, streamed + ".warmup", zipStreamed: true),
                    () => FloorWriter.WriteAsync(Get("db"), BenchDatabase.MeasuredTitle, streamed, zipStreamed: true));
                File.Delete(streamed + ".warmup");
                return 0;
            case "floor-read":
                await Harness.RunAsync("floor-read", n,
                    () => FloorWriter.ReadOnlyAsync(Get("db"), BenchDatabase.WarmUpTitle),
                    () => FloorWriter.ReadOnlyAsync(Get("db"), BenchDatabase.MeasuredTitle));
                return 0;
            case "read":
                await Harness.RunAsync("read-only", n,
                    () => CompileRuns.ReadOnlyAsync(Get("db"), BenchDatabase.WarmUpTitle),
                    () => CompileRuns.ReadOnlyAsync(Get("db"), BenchDatabase.MeasuredTitle));
                return 0;
            case "package-limit":
                return PackageLimit.Run(Get("out"), options.TryGetValue("gb", out var gb) ? double.Parse(gb, CultureInfo.InvariantCulture) : 2.2);
            case "inspect":
                Inspect.Print(Get("file"), options.GetValueOrDefault("label", Path.GetFileName(Get("file"))));
                return 0;
            default:
                return Usage();
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            options[args[i].TrimStart('-')] = args[i + 1];
        return options;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: SurveyService.Bench seed|compile|build|floor|floor-zip|floor-read|read|package-limit|inspect [--db FILE] [--out FILE] [--file FILE] [--submissions N]");
        return 2;
    }
}
