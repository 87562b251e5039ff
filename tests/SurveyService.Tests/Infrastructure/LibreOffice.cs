using System.Diagnostics;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// LibreOffice Calc, headless: opens workbooks and saves them again as .xlsx, as an analyst without
/// Excel would. Missing, it skips the test with the command that installs it, unless
/// SURVEY_TEST_READERS=1 (set by .ci/run, which installs it) makes that a failure.
/// </summary>
public static class LibreOffice
{
    public const string Install = "apt-get install -y libreoffice-calc-nogui";

    private static readonly bool Required = Environment.GetEnvironmentVariable("SURVEY_TEST_READERS") == "1";

    /// <summary>Each workbook (by a file name without extension) as LibreOffice opened and saved it; fails the test if it could not.</summary>
    public static async Task<Dictionary<string, byte[]>> ResaveAsync(IReadOnlyDictionary<string, byte[]> workbooks)
    {
        var soffice = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            var why = $"LibreOffice (soffice) is not installed here; install it with: {Install}";
            if (Required)
                Assert.Fail(why);
            Skip.If(true, why);
        }

        var work = Directory.CreateTempSubdirectory("survey-libreoffice-");
        try
        {
            var input = work.CreateSubdirectory("in");
            var output = work.CreateSubdirectory("out");
            foreach (var (name, bytes) in workbooks)
                await File.WriteAllBytesAsync(Path.Combine(input.FullName, name + ".xlsx"), bytes);

            // A profile of its own: a running LibreOffice or another test's conversion never shares it.
            var start = new ProcessStartInfo(soffice!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { $"-env:UserInstallation={new Uri(Path.Combine(work.FullName, "profile"))}",
                "--headless", "--norestore", "--nolockcheck", "--convert-to", "xlsx", "--outdir", output.FullName })
                start.ArgumentList.Add(argument);
            foreach (var name in workbooks.Keys)
                start.ArgumentList.Add(Path.Combine(input.FullName, name + ".xlsx"));

            using var process = Process.Start(start)!;
            var said = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("LibreOffice did not finish converting within 3 minutes.");
            }
            var log = $"exit {process.ExitCode}: {await said} {await error}";
            Assert.True(process.ExitCode == 0, $"LibreOffice failed: {log}");

            var resaved = new Dictionary<string, byte[]>();
            foreach (var name in workbooks.Keys)
            {
                var file = Path.Combine(output.FullName, name + ".xlsx");
                Assert.True(File.Exists(file), $"LibreOffice could not open {name}.xlsx: {log}");
                resaved[name] = await File.ReadAllBytesAsync(file);
            }
            return resaved;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
