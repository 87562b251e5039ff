using SurveyService.Accounts.Import;

namespace SurveyService.Rules.Tests.Accounts.Import;

public class EntityRowsTests
{
    private const string IdentityCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";

    private static SheetRead.Read Sheet(params string[][] rows) =>
        new([.. rows.Select((cells, i) => new SheetRow(i + 1, cells))]);

    private static CheckedRows Check(SheetRead.Read read, int maxRows = 100)
    {
        var (rows, problem) = EntityRows.Check(read, maxRows, IdentityCharacters);
        Assert.Null(problem);
        return rows!;
    }

    private static ImportProblem FileProblem(SheetRead.Read read)
    {
        var (rows, problem) = EntityRows.Check(read, 100, IdentityCharacters);
        Assert.Null(rows);
        return problem!;
    }

    [Theory]
    [InlineData("MemberState", RespondentCategory.MemberState)]
    [InlineData("Member State", RespondentCategory.MemberState)]
    [InlineData(" member-states ", RespondentCategory.MemberState)]
    [InlineData("SECTOR_MEMBER", RespondentCategory.SectorMember)]
    [InlineData("Associates", RespondentCategory.Associate)]
    [InlineData("academia", RespondentCategory.Academia)]
    [InlineData("Stake holder", RespondentCategory.Stakeholder)]
    public void ACategoryIsReadAsPeopleWriteIt(string text, RespondentCategory category) =>
        Assert.Equal(category, EntityRows.CategoryNamed(text));

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("Member")]
    [InlineData("Martian")]
    [InlineData("MemberStatess")]
    public void NumbersAndOtherWordsAreNoCategory(string text) => Assert.Null(EntityRows.CategoryNamed(text));

    [Fact]
    public void AddressesInACellAreSeparatedBySemicolonsCommasSpacesOrLineBreaks() =>
        Assert.Equal(["a@x.org", "b@x.org", "c@x.org", "d@x.org", "e@x.org"], EntityRows.SplitEmails(" a@x.org;b@x.org , c@x.org\r\nd@x.org\te@x.org; "));

    [Fact]
    public void NamesAreTheSameIgnoringCaseAndRunsOfSpaces()
    {
        Assert.Equal(EntityRows.NameKey("Ministry of Posts"), EntityRows.NameKey("  Ministry   of\tPosts "));
        var checkedRows = Check(Sheet(["name", "category"], ["Ministry of Posts", "MemberState"], ["MINISTRY  OF POSTS", "Associate"]));
        var repeated = Assert.IsType<ImportProblem.NameRepeated>(Assert.Single(checkedRows.Problems));
        Assert.Equal((3, 2), (repeated.Row, repeated.FirstRow));
    }

    [Fact]
    public void AnAddressTwiceInARowOrInTwoRowsIsFoundOnItsSecondMention()
    {
        var checkedRows = Check(Sheet(["name", "category", "emails"],
            ["A", "Academia", "a@x.org; A@X.org"],
            ["B", "Academia", "b@x.org"],
            ["C", "Academia", "c@x.org b@x.org"]));

        Assert.Equal([(2, 2), (4, 3)], checkedRows.Problems.Cast<ImportProblem.EmailRepeated>().Select(p => (p.Row!.Value, p.FirstRow)));
        Assert.Equal(["a@x.org", "b@x.org", "c@x.org"], checkedRows.Emails.Select(e => e.Value));
    }

    [Fact]
    public void ARowIsCheckedAgainstTheApisRulesForAnEntityAndAFocalPoint()
    {
        var checkedRows = Check(Sheet(["emails", "country", "category", "name"],
            ["", "", "", ""],
            ["not@address", "CHE", "Martian", new string('x', 301)],
            ["o'brien@x.org", "1A", "Academia", "Tab\tName"],
            ["ok@x.org", "ch", "Academia", "Fine"]));

        Assert.Equal(
            [
                typeof(ImportProblem.NameMissing), typeof(ImportProblem.CategoryMissing),
                typeof(ImportProblem.NameTooLong), typeof(ImportProblem.UnknownCategory), typeof(ImportProblem.BadCountry), typeof(ImportProblem.BadEmail),
                typeof(ImportProblem.ControlCharacter), typeof(ImportProblem.BadCountry), typeof(ImportProblem.EmailCharacters),
            ],
            checkedRows.Problems.Select(p => p.GetType()));
        Assert.Equal(["name", "category", "name", "category", "country", "emails", "name", "country", "emails"], checkedRows.Problems.Select(p => p.Column));
        var fine = Assert.Single(checkedRows.Entities);
        Assert.Equal((5, "Fine", RespondentCategory.Academia, "CH"), (fine.Row, fine.Name, fine.Category, fine.CountryCode));
        Assert.Equal(["ok@x.org"], fine.Emails);
        Assert.Equal(4, checkedRows.Rows);
    }

    [Fact]
    public void RowsPastTheLimitAreOneProblemAndNotChecked()
    {
        var checkedRows = Check(Sheet(["name", "category"], ["A", "Academia"], ["B", "Academia"], ["C", "Martian"]), maxRows: 2);

        var tooMany = Assert.IsType<ImportProblem.TooManyRows>(Assert.Single(checkedRows.Problems));
        Assert.Equal((4, 2), (tooMany.Row, tooMany.MaxRows));
        Assert.Equal(2, checkedRows.Rows);
    }

    [Fact]
    public void AQuoteNeverClosedIsAProblemOfItsRowAndColumn()
    {
        var checkedRows = Check(new SheetRead.Read([new SheetRow(1, ["name", "category"]), new SheetRow(2, ["A", "Academia\nB,Academia"])], (2, 1)));

        Assert.Contains(checkedRows.Problems, p => p is ImportProblem.QuoteNotClosed { Row: 2, Column: "category" });
    }

    [Fact]
    public void WithoutANameOrACategoryColumnThereIsNothingToCheck()
    {
        var missing = Assert.IsType<ImportProblem.MissingColumns>(FileProblem(Sheet(["Title", "kind", "e-mail"], ["X", "Academia", ""])));
        Assert.Equal([ImportField.Name, ImportField.Category], missing.Fields);
        Assert.IsType<ImportProblem.Empty>(FileProblem(Sheet()));
        var repeated = Assert.IsType<ImportProblem.RepeatedColumn>(FileProblem(Sheet(["Email", "name", "category", "Focal point e-mails"])));
        Assert.Equal(("Focal point e-mails", "Email"), (repeated.Column, repeated.FirstHeader));
    }

    [Theory]
    [InlineData("Entity", "Name")]
    [InlineData("ORGANISATION", "Name")]
    [InlineData("Respondent category", "Category")]
    [InlineData("country_code", "Country")]
    [InlineData("countryCode", "Country")]
    [InlineData("Focal point e-mails", "Emails")]
    [InlineData("E-mail", "Emails")]
    public void HeadersAreReadIgnoringCaseSpacesAndPunctuation(string header, string field) =>
        Assert.Equal(Enum.Parse<ImportField>(field), ImportColumns.FieldOf(header));
}
