using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using SurveyService.Accounts;
using SurveyService.Analysis;
using SurveyService.ApiDocument;
using SurveyService.Jobs;
using SurveyService.Consultations;
using SurveyService.Data;
using SurveyService.Demo;
using SurveyService.Hosting;
using SurveyService.Identity;
using SurveyService.Portal;
using SurveyService.Problems;
using SurveyService.Questionnaires;
using SurveyService.Submissions;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddSingleton(TimeProvider.System);
    // The listen queue: a deadline rush opens thousands of connections in the same second, and
    // Kestrel's default of 512 makes the kernel drop the rest until the clients retry, a second
    // or more later. The kernel caps it at net.core.somaxconn.
    builder.Services.Configure<SocketTransportOptions>(builder.Configuration.GetSection("Sockets"));
    // Kestrel reads its endpoints from the "Kestrel" section by itself, but not its limits: without
    // this, Kestrel:Limits:MaxRequestBodySize bounded only bodies that declare their length.
    builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
    builder.Services.AddSurveyProblems();
    builder.Services.AddSurveyDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddSurveyIdentity(builder.Configuration, builder.Environment);
    builder.Services.AddSurveyJobs(builder.Configuration);
    builder.Services.AddAccounts();
    builder.Services.AddConsultations();
    builder.Services.AddQuestionnaires();
    builder.Services.AddSubmissions();
    builder.Services.AddSurveyAnalysis();
    builder.Services.AddDemoData();
    builder.Services.AddSurveyApiDocument();
    builder.Services.AddSurveyPortal();

    var app = builder.Build();

    app.UseSecurityHeaders();
    app.UseExceptionHandler();
    app.UseSurveyPortal();
    app.UseBodySizeLimit();
    app.UseRouting();
    app.UseRateLimiter();
    app.UseAuthentication();
    app.UsePortalCookie();
    app.UseAuthorization();
    app.UseJobsDashboardSignIn();

    app.MapSurveyApiDocument();
    app.MapHealth();
    app.MapConnect();
    app.MapAccounts();
    app.MapConsultations();
    app.MapQuestionnaires();
    app.MapSubmissions();
    app.MapAnalysis();
    app.MapJobsDashboard();
    app.MapSurveyPortal();

    app.Run();
    return 0;
}
catch (OptionsValidationException failure) when (!StartupFailure.IsUnderTestHost())
{
    // A configuration mistake is the operator's to fix: say which key, exit non-zero, no stack trace.
    Console.Error.WriteLine($"SurveyService cannot start: {string.Join(" ", failure.Failures)}");
    return 1;
}

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
