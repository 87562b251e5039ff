using System.Diagnostics;

namespace SurveyService.Tests;

/// <summary>The service as an operator starts it: a configuration mistake ends it with the key to fix and a non-zero code.</summary>
public sealed class StartupExitTests
{
    [Fact]
    public async Task ProductionWithoutCertificatesExitsNamingTheKeyWithoutAStackTrace()
    {
        var directory = Directory.CreateTempSubdirectory("survey-exit-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SurveyService.dll")])
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Database__DataDirectory"] = directory.FullName;
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Contains("OpenIddict:SigningCertificatePath is required outside Development", await error);
            Assert.DoesNotContain("   at ", await error + await output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
