namespace SurveyService.Accounts.Import;

internal enum ImportFormat
{
    Csv,
    Xlsx,
}

/// <summary>A file to import: what it is, and its bytes (bounded by EntityImport:MaxBodyBytes before it gets here).</summary>
internal sealed record ImportFile(ImportFormat Format, byte[] Content);

internal static class ImportFormats
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The format a file's media type names, or else its name's extension: browsers send a .csv as
    /// application/vnd.ms-excel on machines with Excel, and anything unknown as application/octet-stream.
    /// </summary>
    public static ImportFormat? Detect(string? mediaType, string? fileName) =>
        ByMediaType(mediaType) ?? Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".csv" => ImportFormat.Csv,
            ".xlsx" => ImportFormat.Xlsx,
            _ => null,
        };

    private static ImportFormat? ByMediaType(string? mediaType) => mediaType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        CsvType or "application/csv" => ImportFormat.Csv,
        XlsxType => ImportFormat.Xlsx,
        _ => null,
    };
}
