namespace SurveyService.Accounts.Import;

/// <summary>What a column of an imported list holds.</summary>
internal enum ImportField
{
    Name,
    Category,
    Country,
    Emails,
}

/// <summary>A column of the file: where it is, and its header as the file spells it (how problems name it).</summary>
internal sealed record ImportColumn(int Index, string Header);

/// <summary>
/// The columns of an imported list, found by the header row in any order: headers compare ignoring
/// case, spaces and punctuation ("Focal point e-mails" is "focalpointemails"), and a few names people
/// use for the same thing are accepted. Name and category are required; other columns are ignored.
/// </summary>
internal sealed record ImportColumns(ImportColumn Name, ImportColumn Category, ImportColumn? Country, ImportColumn? Emails)
{
    /// <summary>The headers accepted for each field, as compared.</summary>
    public static readonly IReadOnlyDictionary<ImportField, string[]> Headers = new Dictionary<ImportField, string[]>
    {
        [ImportField.Name] = ["name", "entity", "entityname", "organization", "organisation"],
        [ImportField.Category] = ["category", "respondentcategory", "membershipcategory"],
        [ImportField.Country] = ["countrycode", "country"],
        [ImportField.Emails] = ["emails", "email", "emailaddresses", "emailaddress", "focalpointemails", "focalpointemail", "focalpoints"],
    };

    /// <summary>The header to write for each field: the API's name for it.</summary>
    public static readonly IReadOnlyDictionary<ImportField, string> Suggested = new Dictionary<ImportField, string>
    {
        [ImportField.Name] = "name",
        [ImportField.Category] = "category",
        [ImportField.Country] = "countryCode",
        [ImportField.Emails] = "emails",
    };

    public static ImportProblem? Find(SheetRow header, out ImportColumns? columns)
    {
        columns = null;
        var found = new Dictionary<ImportField, ImportColumn>();
        for (var index = 0; index < header.Cells.Count; index++)
        {
            var text = header.Cells[index].Trim();
            if (FieldOf(text) is not { } field)
                continue;
            if (found.TryGetValue(field, out var first))
                return new ImportProblem.RepeatedColumn(header.Number, text, field, first.Header);
            found[field] = new ImportColumn(index, text);
        }
        ImportField[] required = [ImportField.Name, ImportField.Category];
        if (required.Where(field => !found.ContainsKey(field)).ToArray() is { Length: > 0 } missing)
            return new ImportProblem.MissingColumns(header.Number, missing);
        columns = new ImportColumns(found[ImportField.Name], found[ImportField.Category],
            found.GetValueOrDefault(ImportField.Country), found.GetValueOrDefault(ImportField.Emails));
        return null;
    }

    public static ImportField? FieldOf(string header)
    {
        var compared = Compared(header);
        foreach (var (field, names) in Headers)
            if (names.Contains(compared))
                return field;
        return null;
    }

    /// <summary>Letters and digits only, lower case: "Country Code", "country_code" and "countryCode" are one header.</summary>
    public static string Compared(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
