using Microsoft.Extensions.Localization;

namespace SurveyService.Portal.Analysis;

/// <summary>The compile's stage, which the compiler records in English, in the reader's language.</summary>
internal static class CompileStage
{
    public static string Name(IStringLocalizer t, string? stage) => stage switch
    {
        "Starting" => t["Starting"],
        "Reading answers and computing figures" => t["Reading answers and computing figures"],
        "Writing the whole workbook" => t["Writing the whole workbook"],
        { } writing when writing.StartsWith("Writing the ", StringComparison.Ordinal) => t["Writing the workbooks of each tier"],
        _ => t["Compiling"],
    };
}
