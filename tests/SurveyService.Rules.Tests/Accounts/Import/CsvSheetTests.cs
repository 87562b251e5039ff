using System.Text;
using SurveyService.Accounts.Import;

namespace SurveyService.Rules.Tests.Accounts.Import;

public class CsvSheetTests
{
    private static SheetRead.Read Read(string text, int rowLimit = 100) => Read(Encoding.UTF8.GetBytes(text), rowLimit);

    private static SheetRead.Read Read(byte[] content, int rowLimit = 100) => Assert.IsType<SheetRead.Read>(CsvSheet.Read(content, rowLimit));

    private static (int, string[])[] Rows(SheetRead.Read read) => [.. read.Rows.Select(row => (row.Number, row.Cells.ToArray()))];

    [Fact]
    public void QuotedValuesKeepSeparatorsDoubledQuotesAndLineBreaks()
    {
        var read = Read("name,emails\r\n\"Posts, \"\"Telecoms\"\"\",\"a@x.org\r\nb@x.org\"\r\nNext,c@x.org\r\n");

        Assert.Equal([(1, ["name", "emails"]), (2, ["Posts, \"Telecoms\"", "a@x.org\r\nb@x.org"]), (3, ["Next", "c@x.org"])], Rows(read));
        Assert.Null(read.QuoteNotClosed);
    }

    [Theory]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\rc,d")]
    [InlineData("a,b\nc,d")]
    public void RowsEndWithCrLfLfOrCrAndTheLastNeedsNone(string text) =>
        Assert.Equal([(1, ["a", "b"]), (2, ["c", "d"])], Rows(Read(text)));

    [Fact]
    public void BlankRowsAreLeftOutButCounted()
    {
        Assert.Equal([(2, ["name", "category"]), (4, ["X", "Academia"])], Rows(Read("\nname,category\n , \nX,Academia\n\n")));
    }

    [Theory]
    [InlineData("name;category\nPosts, Telecoms;Academia\n", ';')]
    [InlineData("name\tcategory\nPosts, Telecoms\tAcademia\n", '\t')]
    [InlineData("\"a;b\",category,x\nPosts;Telecoms,Academia,\n", ',')]
    public void TheSeparatorIsTheOneTheHeaderLineUsesMost(string text, char separator)
    {
        var read = Read(text);

        Assert.Equal(separator == ',' ? ["Posts;Telecoms", "Academia", ""] : ["Posts, Telecoms", "Academia"], read.Rows[1].Cells);
    }

    [Fact]
    public void ExcelsSeparatorLineNamesTheSeparatorAndIsNoRow()
    {
        Assert.Equal([(1, ["name", "category"]), (2, ["A,B", "Academia"])], Rows(Read("sep=;\r\nname;category\r\nA,B;Academia\r\n")));
    }

    [Fact]
    public void AUtf8ByteOrderMarkIsNotPartOfTheFirstValue()
    {
        var read = Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("\"name\",category\nÉcole,Academia\n")]);

        Assert.Equal([(1, ["name", "category"]), (2, ["École", "Academia"])], Rows(read));
    }

    [Fact]
    public void Utf16WithItsByteOrderMarkIsReadAsExcelsUnicodeText()
    {
        var read = Read([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("name\tcategory\r\nÉcole\tAcademia\r\n")]);

        Assert.Equal([(1, ["name", "category"]), (2, ["École", "Academia"])], Rows(read));
    }

    [Fact]
    public void BytesThatAreNotUtf8AreRefusedRatherThanGuessed()
    {
        var unreadable = Assert.IsType<SheetRead.Unreadable>(CsvSheet.Read(Encoding.Latin1.GetBytes("name,category\nÉcole,Academia\n"), 100));

        Assert.IsType<ImportProblem.NotUtf8>(unreadable.Why);
    }

    [Fact]
    public void AQuoteThatNeverClosesIsFoundWhereItOpened()
    {
        var read = Read("name,emails\nA,a@x.org\nB,\"b@x.org\nC,c@x.org\n");

        Assert.Equal((3, 1), read.QuoteNotClosed);
        Assert.Equal(3, read.Rows.Count);
    }

    [Fact]
    public void QuotesInsideAnUnquotedValueAndTextAfterAClosingQuoteAreKeptAsExcelKeepsThem()
    {
        Assert.Equal(["5\" screens", "said \"so\"", "quoted then more"], Read("a,b,c\n5\" screens,said \"so\",\"quoted\" then more\n").Rows[1].Cells);
    }

    [Fact]
    public void ReadingStopsAtTheRowLimit()
    {
        var read = Read("h\n1\n2\n3\n4\n", rowLimit: 3);

        Assert.Equal([1, 2, 3], read.Rows.Select(row => row.Number));
    }

    [Fact]
    public void AnEmptyFileHasNoRows()
    {
        Assert.Empty(Read("").Rows);
        Assert.Empty(Read(" \r\n\r\n").Rows);
    }
}
