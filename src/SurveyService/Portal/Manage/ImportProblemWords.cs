using Microsoft.Extensions.Localization;
using SurveyService.Accounts.Import;

namespace SurveyService.Portal.Manage;

/// <summary>The import's problems worded for the import page, in the reader's language; the API words the same records in ImportProblemText.</summary>
internal static class ImportProblemWords
{
    private static readonly string Categories = string.Join(", ", Enum.GetNames<RespondentCategory>());

    public static string Of(IStringLocalizer t, ImportProblem problem) => problem switch
    {
        ImportProblem.Empty => t["The file is empty: it has no header row and no entities."],
        ImportProblem.NotUtf8 => t["The file is not UTF-8 text. In Excel, save it as “CSV UTF-8”, or choose the .xlsx workbook itself."],
        ImportProblem.NotAWorkbook => t["The file is not a readable .xlsx workbook: it is damaged, protected by a password, or an older .xls file."],
        ImportProblem.NoWorksheet => t["The workbook has no worksheet."],
        ImportProblem.UnpacksTooLarge => t["The workbook unpacks to far more than a list of entities; save the list alone in a new workbook."],
        ImportProblem.NoFile => t["Choose a file to import."],
        ImportProblem.MissingColumns => t["The first row must name the columns {0}, and if wanted {1}.",
            $"{ImportColumns.Suggested[ImportField.Name]}, {ImportColumns.Suggested[ImportField.Category]}",
            $"{ImportColumns.Suggested[ImportField.Country]}, {ImportColumns.Suggested[ImportField.Emails]}"],
        ImportProblem.RepeatedColumn(_, var header, _, var first) => t["Two columns are read as the same one ({0} and {1}); keep one of them.", first, header],
        ImportProblem.TooManyRows(_, var max) => t["The file has more than {0} entities; import at most {0} per file.", max],
        ImportProblem.QuoteNotClosed => t["A quoted value starts in this row and its closing quote is missing."],
        ImportProblem.NameMissing => t["The entity's name is missing."],
        ImportProblem.NameTooLong(_, _, var max) => t["The name is longer than {0} characters.", max],
        ImportProblem.ControlCharacter => t["The name contains a control character (a line break, a tab); remove it."],
        ImportProblem.CategoryMissing => t["The category is missing; give one of {0}.", Categories],
        ImportProblem.UnknownCategory(_, _, var value) => t["“{0}” is not a category; give one of {1}.", value, Categories],
        ImportProblem.BadCountry(_, _, var value) => t["“{0}” is not a country code; give two letters, such as CH, or leave it empty.", value],
        ImportProblem.BadEmail(_, _, var value) => t["“{0}” is not a valid email address; separate several addresses with semicolons.", value],
        ImportProblem.EmailCharacters(_, _, var email, _) => t["“{0}” cannot be an account's address: use unaccented letters, digits and the usual signs.", email],
        ImportProblem.NameRepeated(_, _, var name, var first) => t["“{0}” is also the name on row {1}; list an entity once, with all its focal points' addresses in one cell.", name, first],
        ImportProblem.NameTaken(_, _, var name, var category) => t["An entity named “{0}” already exists ({1}).", name, PortalNames.Category(t, category)],
        ImportProblem.EmailRepeated(var row, _, var email, var first) when first == row => t["“{0}” is listed twice in this row.", email],
        ImportProblem.EmailRepeated(_, _, var email, var first) => t["“{0}” is also on row {1}; an address belongs to one entity only.", email, first],
        ImportProblem.EmailTaken(_, _, var email) => t["An account with the email “{0}” already exists.", email],
        ImportProblem.AccountRefused(_, _, var email, var reason) => t["The account for “{0}” was refused: {1}", email, reason],
        _ => t["This row cannot be imported as it is."],
    };
}
