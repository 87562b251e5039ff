namespace SurveyService.Accounts.Import;

/// <summary>
/// What is wrong with an imported file: where (the row as the spreadsheet numbers it, the header row
/// included; the column as the file's header names it) and the values a message needs, never the
/// message, so that the API and a page word the same rule each in their own way.
/// </summary>
internal abstract record ImportProblem(int? Row, string? Column)
{
    // The file as a whole: without a header row there are no rows to speak of.

    public sealed record Empty() : ImportProblem(null, null);

    /// <summary>A CSV file in a legacy encoding (Excel's plain "CSV" on Windows): its accents would be guessed.</summary>
    public sealed record NotUtf8() : ImportProblem(null, null);

    /// <summary>Not a zip package of a workbook, or one whose parts are broken (a password-protected or .xls file too).</summary>
    public sealed record NotAWorkbook() : ImportProblem(null, null);

    public sealed record NoWorksheet() : ImportProblem(null, null);

    /// <summary>Its parts would unpack to more than the limit: a zip bomb, or far more than a list of entities.</summary>
    public sealed record UnpacksTooLarge(long LimitBytes) : ImportProblem(null, null);

    /// <summary>A form without the file field (named <c>file</c>).</summary>
    public sealed record NoFile(string Field) : ImportProblem(null, null);

    public sealed record MissingColumns(int HeaderRow, IReadOnlyList<ImportField> Fields) : ImportProblem(HeaderRow, null);

    public sealed record RepeatedColumn(int HeaderRow, string Header, ImportField Field, string FirstHeader) : ImportProblem(HeaderRow, Header);

    // Rows: reported all together, row by row.

    public sealed record TooManyRows(int FirstRowPast, int MaxRows) : ImportProblem(FirstRowPast, null);

    /// <summary>A quoted CSV value that runs to the end of the file: everything after it is inside it.</summary>
    public sealed record QuoteNotClosed(int AtRow, string? Header) : ImportProblem(AtRow, Header);

    public sealed record NameMissing(int AtRow, string Header) : ImportProblem(AtRow, Header);

    public sealed record NameTooLong(int AtRow, string Header, int MaxLength) : ImportProblem(AtRow, Header);

    public sealed record ControlCharacter(int AtRow, string Header) : ImportProblem(AtRow, Header);

    public sealed record CategoryMissing(int AtRow, string Header) : ImportProblem(AtRow, Header);

    public sealed record UnknownCategory(int AtRow, string Header, string Value) : ImportProblem(AtRow, Header);

    public sealed record BadCountry(int AtRow, string Header, string Value) : ImportProblem(AtRow, Header);

    public sealed record BadEmail(int AtRow, string Header, string Value) : ImportProblem(AtRow, Header);

    /// <summary>An address Identity would refuse as an account's user name, by the characters it allows.</summary>
    public sealed record EmailCharacters(int AtRow, string Header, string Email, string Allowed) : ImportProblem(AtRow, Header);

    /// <summary>The same entity name on an earlier row (names compare ignoring case and runs of spaces).</summary>
    public sealed record NameRepeated(int AtRow, string Header, string Name, int FirstRow) : ImportProblem(AtRow, Header);

    public sealed record NameTaken(int AtRow, string Header, string Name, RespondentCategory ExistingCategory) : ImportProblem(AtRow, Header);

    /// <summary>The same address earlier in the file; <paramref name="FirstRow"/> is this row when it is twice in one cell.</summary>
    public sealed record EmailRepeated(int AtRow, string Header, string Email, int FirstRow) : ImportProblem(AtRow, Header);

    public sealed record EmailTaken(int AtRow, string Header, string Email) : ImportProblem(AtRow, Header);

    /// <summary>Identity refused the account when it was written (its own rules); its description says why.</summary>
    public sealed record AccountRefused(int AtRow, string Header, string Email, string Reason) : ImportProblem(AtRow, Header);

    /// <summary>Refusals that leave no table to check row by row: answered 400 even in a dry run.</summary>
    public bool IsFileProblem => this is Empty or NotUtf8 or NotAWorkbook or NoWorksheet or UnpacksTooLarge or NoFile
        or MissingColumns or RepeatedColumn;
}
