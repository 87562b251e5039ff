using System.ComponentModel.DataAnnotations;

namespace SurveyService.Accounts.Import;

internal sealed class EntityImportOptions
{
    public const string Section = "EntityImport";

    /// <summary>
    /// Entities (rows under the header) one file may hold. The whole file is written in one
    /// transaction, which on SQLite holds the only write lock while respondents may be saving: a
    /// bigger list is imported in several files.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxRows { get; set; } = 5_000;

    /// <summary>
    /// The largest file accepted, as sent (a form's own bytes included). A list of 5,000 entities
    /// is a few hundred kilobytes. Kestrel:Limits:MaxRequestBodySize applies to every request
    /// first, so a value above it has no effect.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 2 * 1024 * 1024;
}
