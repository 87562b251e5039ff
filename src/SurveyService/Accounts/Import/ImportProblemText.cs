namespace SurveyService.Accounts.Import;

/// <summary>The API's wording of an import's problems, in English, each one something a person can correct in the sheet.</summary>
internal static class ImportProblemText
{
    private static readonly string Categories = string.Join(", ", Enum.GetNames<RespondentCategory>());

    public static string Of(ImportProblem problem) => problem switch
    {
        ImportProblem.Empty => "The file is empty: it has no header row and no entities.",
        ImportProblem.NotUtf8 => "The file is not UTF-8 text, so its accented letters cannot be read for sure. In Excel, save it as "
            + "\"CSV UTF-8 (Comma delimited)\", or send the .xlsx workbook itself.",
        ImportProblem.NotAWorkbook => "The file is not a readable .xlsx workbook: it is damaged, protected by a password, or an older "
            + ".xls file. Save it again as an Excel Workbook (.xlsx) or as CSV UTF-8.",
        ImportProblem.NoWorksheet => "The workbook has no worksheet; the entities are read from its first worksheet.",
        ImportProblem.UnpacksTooLarge(var limit) => $"The workbook unpacks to more than {limit / (1024 * 1024)} MB, far more than a list "
            + "of entities holds; save the list alone in a new workbook.",
        ImportProblem.NoFile(var field) => $"The form has no file in a field named '{field}'.",
        ImportProblem.MissingColumns(var row, var fields) => $"The header row (row {row}) has no {string.Join(" and no ", fields.Select(Header))} "
            + $"column. The first row names the columns, in any order: {Header(ImportField.Name)}, {Header(ImportField.Category)}, "
            + $"and if wanted {Header(ImportField.Country)} and {Header(ImportField.Emails)} (the focal points' addresses).",
        ImportProblem.RepeatedColumn(_, var header, var field, var first) => $"Both '{first}' and '{header}' are read as the {Header(field)} "
            + "column; keep one of them.",
        ImportProblem.TooManyRows(var row, var max) => $"The file has more than {max} entities; the rows from row {row} on were not "
            + $"checked. Import at most {max} entities per file.",
        ImportProblem.QuoteNotClosed => "A quoted value starts in this row and its closing double quote (\") is missing, so the rest "
            + "of the file was read as part of it.",
        ImportProblem.NameMissing => "The entity's name is missing.",
        ImportProblem.NameTooLong(_, _, var max) => $"The name is longer than {max} characters.",
        ImportProblem.ControlCharacter => "The name contains a control character (a line break, a tab, …); remove it.",
        ImportProblem.CategoryMissing => $"The category is missing; give one of: {Categories}.",
        ImportProblem.UnknownCategory(_, _, var value) => $"'{value}' is not a category; give one of: {Categories} (spaces and case "
            + "do not matter: \"Member State\" is MemberState).",
        ImportProblem.BadCountry(_, _, var value) => $"'{value}' is not a country code; give the country as a two-letter ISO 3166-1 "
            + "code, e.g. \"CH\", or leave it empty.",
        ImportProblem.BadEmail(_, _, var value) => $"'{value}' is not a valid email address. Separate several addresses with semicolons.",
        ImportProblem.EmailCharacters(_, _, var email, var allowed) => $"'{email}' cannot be an account's address: an account name may "
            + $"only hold unaccented letters, digits and {string.Join(" ", allowed.Where(c => !char.IsAsciiLetterOrDigit(c)))}.",
        ImportProblem.NameRepeated(_, _, var name, var first) => $"'{name}' is also the name on row {first}; list an entity once, with all "
            + "its focal points' addresses in one cell, separated by semicolons.",
        ImportProblem.NameTaken(_, _, var name, var category) => $"An entity named '{name}' already exists ({category}); add focal points "
            + "to it rather than importing it again.",
        ImportProblem.EmailRepeated(var row, _, var email, var first) => first == row
            ? $"'{email}' is listed twice in this row."
            : $"'{email}' is also on row {first}; an address is the focal point of one entity only.",
        ImportProblem.EmailTaken(_, _, var email) => $"An account with the email '{email}' already exists.",
        ImportProblem.AccountRefused(_, _, var email, var reason) => $"The account for '{email}' was refused: {reason}",
        _ => throw new InvalidOperationException($"Unknown problem {problem}."),
    };

    private static string Header(ImportField field) => ImportColumns.Suggested[field];
}
