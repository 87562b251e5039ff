using System.Diagnostics;
using System.Text.Json;

namespace SurveyService.Tests.Infrastructure;

public sealed record ReaderCell(string Type, JsonElement Value, string? Format);

public sealed record ReaderPage(string? Orientation, bool FitToPage, int? FitToWidth, int? FitToHeight, string TitleRows);

public sealed record ReaderSeries(string? Name, string? Categories, string? Values);

/// <summary>A chart as a reader loads it; only openpyxl reads charts (Charts is null from ExcelJS).</summary>
public sealed record ReaderChart(string Type, string? Direction, string? Title, ReaderSeries[] Series);

public sealed record ReaderSheet(string Name, Dictionary<string, ReaderCell> Cells, ReaderPage Page, ReaderChart[]? Charts);

public sealed record ReaderWorkbook(string Reader, ReaderSheet[] Sheets)
{
    public ReaderSheet Sheet(string name) => Sheets.Single(s => s.Name == name);
}

/// <summary>
/// The readers outside .NET in tests/readers: each opens a workbook file and prints its sheets and
/// cells as JSON. A reader that is not installed skips the test, unless SURVEY_TEST_READERS=1 (set
/// by .ci/run, which installs them) makes that a failure: CI must never pass by skipping them.
/// </summary>
public static class WorkbookReaders
{
    public const string ExcelJs = "exceljs";
    public const string Openpyxl = "openpyxl";

    private static readonly bool Required = Environment.GetEnvironmentVariable("SURVEY_TEST_READERS") == "1";

    // Debian's openpyxl is importable only by Debian's own python3, which a version manager's python3
    // may hide on PATH; .ci/run names the interpreter that has it.
    private static readonly string Python = Environment.GetEnvironmentVariable("SURVEY_TEST_PYTHON") is { Length: > 0 } python ? python : "python3";

    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var readers = Path.Combine(dir.FullName, "tests", "readers");
            if (File.Exists(Path.Combine(readers, "package.json")))
                return readers;
        }
        throw new InvalidOperationException("tests/readers is not above the test assembly.");
    });

    public static async Task<ReaderWorkbook> ReadAsync(string reader, byte[] workbook)
    {
        var (program, script) = reader == ExcelJs ? ("node", "read-exceljs.js") : (Python, "read-openpyxl.py");
        await EnsureInstalledAsync(reader, program);
        var file = Path.Combine(Path.GetTempPath(), $"workbook-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, workbook);
        try
        {
            var (exit, output, error) = await RunAsync(program, script, file);
            Assert.True(exit == 0, $"{reader} could not open the workbook: {error}");
            return JsonSerializer.Deserialize<ReaderWorkbook>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task EnsureInstalledAsync(string reader, string program)
    {
        var (exit, _, error) = reader == ExcelJs
            ? await RunAsync(program, "-e", "require('exceljs')")
            : await RunAsync(program, "-c", "import openpyxl");
        if (exit == 0)
            return;
        var why = $"{reader} is not installed here ({program}: {error.Trim()}); .ci/run installs it.";
        if (Required)
            Assert.Fail(why);
        Skip.If(true, why);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder.Value, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, "", missing.Message);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
    }
}
