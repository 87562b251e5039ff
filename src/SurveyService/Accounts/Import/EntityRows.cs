using System.Text.RegularExpressions;
using SurveyService.Problems;

namespace SurveyService.Accounts.Import;

/// <summary>An entity a row describes, with its focal points' addresses, once the row has no problem.</summary>
internal sealed record EntityRow(int Row, string Name, RespondentCategory Category, string? CountryCode, IReadOnlyList<string> Emails);

/// <summary>A name or an address as a row gives it.</summary>
internal sealed record RowValue(int Row, string Value);

/// <summary>
/// The rows of a file checked on their own: the entities of rows without a problem, what is wrong,
/// and every well-formed name and address (first mentions), which the database is asked about next.
/// </summary>
internal sealed record CheckedRows(ImportColumns Columns, int Rows, IReadOnlyList<EntityRow> Entities, IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<RowValue> Names, IReadOnlyList<RowValue> Emails);

/// <summary>
/// The rules of an imported row, the same as the API's for one entity and one focal point: a name
/// (at most 300 characters, no control characters), a category, a country code if any, and
/// addresses by the service's e-mail rule. Within the file, a name or an address appears once.
/// </summary>
internal static partial class EntityRows
{
    public const int MaxNameLength = 300;

    /// <summary>
    /// The header row finds the columns; each row after it (up to <paramref name="maxRows"/>) is
    /// checked. <paramref name="allowedEmailCharacters"/> are Identity's characters for a user name
    /// (an address is its account's user name); empty for any.
    /// </summary>
    public static (CheckedRows? Checked, ImportProblem? FileProblem) Check(SheetRead.Read read, int maxRows, string allowedEmailCharacters)
    {
        if (read.Rows.Count == 0)
            return (null, new ImportProblem.Empty());
        var header = read.Rows[0];
        if (ImportColumns.Find(header, out var columns) is { } problem)
            return (null, problem);

        var problems = new List<ImportProblem>();
        var entities = new List<EntityRow>();
        var names = new Dictionary<string, RowValue>(StringComparer.OrdinalIgnoreCase);
        var emails = new Dictionary<string, RowValue>(StringComparer.OrdinalIgnoreCase);
        var data = read.Rows.Skip(1).ToList();
        foreach (var row in data.Take(maxRows))
        {
            var before = problems.Count;
            var name = NameOf(row, columns!.Name, names, problems);
            var category = CategoryOf(row, columns.Category, problems);
            var country = CountryOf(row, columns.Country, problems);
            var addresses = EmailsOf(row, columns.Emails, allowedEmailCharacters, emails, problems);
            if (read.QuoteNotClosed is { } open && open.Row == row.Number)
                problems.Add(new ImportProblem.QuoteNotClosed(row.Number, open.Cell < header.Cells.Count ? header.Cells[open.Cell].Trim() : null));
            if (problems.Count == before)
                entities.Add(new EntityRow(row.Number, name!, category!.Value, country, addresses));
        }
        if (data.Count > maxRows)
            problems.Add(new ImportProblem.TooManyRows(data[maxRows].Number, maxRows));
        return (new CheckedRows(columns!, Math.Min(data.Count, maxRows), entities, problems, [.. names.Values], [.. emails.Values]), null);
    }

    /// <summary>How two names are told apart: ignoring case and runs of spaces.</summary>
    public static string NameKey(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A category by its API name, or written as people write it: "Member State", "sector-member",
    /// "Associates". Numbers are not names.
    /// </summary>
    public static RespondentCategory? CategoryNamed(string text)
    {
        var compared = ImportColumns.Compared(text);
        foreach (var category in Enum.GetValues<RespondentCategory>())
        {
            var name = category.ToString().ToLowerInvariant();
            if (compared == name || compared == name + "s")
                return category;
        }
        return null;
    }

    /// <summary>Several addresses in one cell, separated by semicolons, commas, spaces or line breaks.</summary>
    public static IEnumerable<string> SplitEmails(string cell) => EmailSeparators().Split(cell).Where(email => email.Length > 0);

    [GeneratedRegex(@"[;,\s]+")]
    private static partial Regex EmailSeparators();

    private static string Cell(SheetRow row, ImportColumn? column) =>
        column is not null && column.Index < row.Cells.Count ? row.Cells[column.Index].Trim() : "";

    private static string? NameOf(SheetRow row, ImportColumn column, Dictionary<string, RowValue> seen, List<ImportProblem> problems)
    {
        var name = Cell(row, column);
        ImportProblem? problem = name switch
        {
            "" => new ImportProblem.NameMissing(row.Number, column.Header),
            _ when ControlCharacters.Refused(name, multiLine: false) => new ImportProblem.ControlCharacter(row.Number, column.Header),
            { Length: > MaxNameLength } => new ImportProblem.NameTooLong(row.Number, column.Header, MaxNameLength),
            _ when seen.TryGetValue(NameKey(name), out var first) => new ImportProblem.NameRepeated(row.Number, column.Header, name, first.Row),
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(problem);
            return null;
        }
        seen[NameKey(name)] = new RowValue(row.Number, name);
        return name;
    }

    private static RespondentCategory? CategoryOf(SheetRow row, ImportColumn column, List<ImportProblem> problems)
    {
        var text = Cell(row, column);
        if (text.Length == 0)
            problems.Add(new ImportProblem.CategoryMissing(row.Number, column.Header));
        else if (CategoryNamed(text) is { } category)
            return category;
        else
            problems.Add(new ImportProblem.UnknownCategory(row.Number, column.Header, text));
        return null;
    }

    private static string? CountryOf(SheetRow row, ImportColumn? column, List<ImportProblem> problems)
    {
        var code = Cell(row, column);
        if (code.Length == 0)
            return null;
        if (AccountRules.IsCountryCode(code))
            return code.ToUpperInvariant();
        problems.Add(new ImportProblem.BadCountry(row.Number, column!.Header, code));
        return null;
    }

    private static List<string> EmailsOf(SheetRow row, ImportColumn? column, string allowed, Dictionary<string, RowValue> seen, List<ImportProblem> problems)
    {
        var addresses = new List<string>();
        foreach (var email in SplitEmails(Cell(row, column)))
        {
            ImportProblem? problem = email switch
            {
                _ when !AccountRules.IsEmail(email) => new ImportProblem.BadEmail(row.Number, column!.Header, email),
                _ when allowed.Length > 0 && !email.All(allowed.Contains) => new ImportProblem.EmailCharacters(row.Number, column!.Header, email, allowed),
                _ when seen.TryGetValue(email, out var first) => new ImportProblem.EmailRepeated(row.Number, column!.Header, email, first.Row),
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }
            seen[email] = new RowValue(row.Number, email);
            addresses.Add(email);
        }
        return addresses;
    }
}
