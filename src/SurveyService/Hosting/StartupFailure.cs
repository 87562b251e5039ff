namespace SurveyService.Hosting;

internal static class StartupFailure
{
    /// <summary>
    /// The integration tests start the service in process and expect its start-up exceptions as
    /// they are; everywhere else a configuration failure ends the process with its message.
    /// </summary>
    public static bool IsUnderTestHost() =>
        AppDomain.CurrentDomain.GetAssemblies().Any(assembly => assembly.GetName().Name == "Microsoft.AspNetCore.Mvc.Testing");
}
