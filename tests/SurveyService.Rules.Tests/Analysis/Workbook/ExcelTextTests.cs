using SurveyService.Analysis.Workbook;

namespace SurveyService.Rules.Tests.Analysis.Workbook;

public class ExcelTextTests
{
    private const string Emoji = "\U0001F600"; // one character, two UTF-16 units
    private const char Fffd = '\uFFFD';

    // Formulas

    [Theory]
    [InlineData("=SUM(A1:A9)")]
    [InlineData("+33 1 23")]
    [InlineData("-1")]
    [InlineData("- a list item")]
    [InlineData("@SUM(A1)")]
    [InlineData("@mention")]
    [InlineData("\tindented")]
    [InlineData("\rreturn")]
    [InlineData("\nnew line")]
    [InlineData("\0nul")]
    [InlineData("\uFFFDreplaced")]
    [InlineData("=")]
    [InlineData("-")]
    [InlineData("@")]
    public void TextThatASpreadsheetWouldTakeForAFormulaGetsAQuotePrefix(string text) =>
        Assert.True(ExcelText.NeedsQuotePrefix(text));

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("a = b")]
    [InlineData("1-2")]
    [InlineData("me@example.org")]
    [InlineData(" =1")]
    [InlineData("'quoted")]
    [InlineData("\u00A0-")]
    public void OrdinaryTextGetsNoQuotePrefix(string text) =>
        Assert.False(ExcelText.NeedsQuotePrefix(text));

    // Characters XML cannot carry

    [Fact]
    public void OrdinaryTextIsKeptAsItIs()
    {
        const string text = "Réponse: 100 % d'accord — 同意 " + Emoji + "\tend\r\nnext";

        Assert.Same(text, ExcelText.Sanitize(text));
    }

    [Theory]
    [InlineData('\u0000')]
    [InlineData('\u0001')]
    [InlineData('\u0008')]
    [InlineData('\u000B')]
    [InlineData('\u000C')]
    [InlineData('\u001F')]
    [InlineData('\uFFFE')]
    [InlineData('\uFFFF')]
    public void ACharacterXmlCannotCarryBecomesAVisibleReplacement(char c) =>
        Assert.Equal($"ab{Fffd}cd", ExcelText.Sanitize($"ab{c}cd"));

    [Theory]
    [InlineData('\t')]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('\u0020')]
    [InlineData('\uD7FF')]
    [InlineData('\uE000')]
    [InlineData('\uFFFD')]
    public void TheCharactersAtTheEdgesOfWhatXmlCarriesAreKept(char c) =>
        Assert.Equal($"ab{c}cd", ExcelText.Sanitize($"ab{c}cd"));

    [Fact]
    public void EveryInvalidCharacterIsReplacedNotOnlyTheFirst() =>
        Assert.Equal($"{Fffd}a{Fffd}{Fffd}b{Fffd}", ExcelText.Sanitize("\u0001a\u0002\u0003b\u0004"));

    [Fact]
    public void ASurrogatePairIsKeptWhole()
    {
        Assert.Equal($"{Emoji}{Fffd}", ExcelText.Sanitize($"{Emoji}\u0001"));
        Assert.Equal($"{Fffd}{Emoji}x", ExcelText.Sanitize($"\u0001{Emoji}x"));
        Assert.Equal($"{Fffd}{Emoji}{Emoji}", ExcelText.Sanitize($"\u0001{Emoji}{Emoji}"));
    }

    [Theory]
    [InlineData(0xD83D)] // a high half
    [InlineData(0xDE00)] // a low half
    public void AHalfOfASurrogatePairAloneIsReplaced(int half) =>
        Assert.Equal($"a{Fffd}b", ExcelText.Sanitize($"a{(char)half}b"));

    [Fact]
    public void HalvesOfASurrogatePairInTheWrongOrderAreBothReplaced() =>
        Assert.Equal($"a{Fffd}{Fffd}b", ExcelText.Sanitize("a\uDE00\uD83Db"));

    [Fact]
    public void AHighHalfAtTheEndIsReplaced() => Assert.Equal($"a{Fffd}", ExcelText.Sanitize("a\uD83D"));

    // Excel's own escapes

    [Theory]
    [InlineData("_x0041_", "_x005F_x0041_")]
    [InlineData("see _x00e9_ and _x00E9_", "see _x005F_x00e9_ and _x005F_x00E9_")]
    [InlineData("_x005F_", "_x005F_x005F_")]
    public void ALiteralExcelEscapeIsEscapedSoItShowsAsTyped(string text, string sanitized) =>
        Assert.Equal(sanitized, ExcelText.Sanitize(text));

    [Theory]
    [InlineData("_x004_")]
    [InlineData("_x00G1_")]
    [InlineData("_x0041")]
    [InlineData("x0041_")]
    [InlineData("tax_xml_file")]
    public void TextThatIsNotAnExcelEscapeIsLeftAlone(string text) => Assert.Equal(text, ExcelText.Sanitize(text));

    [Fact]
    public void AnExcelEscapeIsEscapedAfterInvalidCharactersAreReplaced() =>
        Assert.Equal($"{Fffd}_x005F_x0041_", ExcelText.Sanitize("\u0001_x0041_"));

    // Cell-sized parts

    [Fact]
    public void TextThatFitsACellIsOnePart()
    {
        Assert.Equal(["short"], ExcelText.Parts("short"));
        Assert.Equal([""], ExcelText.Parts(""));
        var full = new string('a', ExcelText.CellLimit);
        Assert.Equal([full], ExcelText.Parts(full));
    }

    [Fact]
    public void ACellHoldsAtMost32767Characters() => Assert.Equal(32_767, ExcelText.CellLimit);

    [Fact]
    public void LongerTextIsCutIntoFullCellsAndARemainder()
    {
        var text = new string('a', ExcelText.CellLimit) + new string('b', ExcelText.CellLimit) + "cc";

        var parts = ExcelText.Parts(text);

        Assert.Equal([ExcelText.CellLimit, ExcelText.CellLimit, 2], parts.Select(p => p.Length));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void OneCharacterOverTheLimitMakesASecondPart() =>
        Assert.Equal([ExcelText.CellLimit, 1], ExcelText.Parts(new string('a', ExcelText.CellLimit + 1)).Select(p => p.Length));

    [Fact]
    public void TextIsNeverCutBetweenTheHalvesOfASurrogatePair()
    {
        var text = new string('a', ExcelText.CellLimit - 1) + Emoji + "b";

        var parts = ExcelText.Parts(text);

        Assert.Equal([new string('a', ExcelText.CellLimit - 1), Emoji + "b"], parts);
    }

    [Fact]
    public void ASurrogatePairThatEndsExactlyAtTheLimitStaysInTheFirstPart()
    {
        var text = new string('a', ExcelText.CellLimit - 2) + Emoji + "b";

        Assert.Equal([new string('a', ExcelText.CellLimit - 2) + Emoji, "b"], ExcelText.Parts(text));
    }

    [Fact]
    public void TextMadeOfSurrogatePairsIsCutOnlyBetweenPairs()
    {
        var text = string.Concat(Enumerable.Repeat(Emoji, 40_000));

        var parts = ExcelText.Parts(text);

        Assert.All(parts, part =>
        {
            Assert.InRange(part.Length, 1, ExcelText.CellLimit);
            Assert.True(char.IsHighSurrogate(part[0]));
            Assert.True(char.IsLowSurrogate(part[^1]));
        });
        Assert.Equal(text, string.Concat(parts));
        Assert.Equal(3, parts.Count);
    }

    [Fact]
    public void PartsAreCutFromTheCleanedTextAndEscapedOnlyWhenWritten()
    {
        var text = "\u0001" + new string('a', ExcelText.CellLimit) + "_x0041_";

        var parts = ExcelText.Parts(text);

        Assert.Equal(Fffd + new string('a', ExcelText.CellLimit - 1), parts[0]);
        Assert.Equal("a_x0041_", parts[1]);
        // Escaped once, when the cell is written: a second escape would show "_x005F_" to the reader.
        Assert.Equal("a_x005F_x0041_", ExcelText.Sanitize(parts[1]));
        Assert.Equal(ExcelText.Sanitize(parts[1]), ExcelText.Escape(ExcelText.Clean(parts[1])));
    }

    [Fact]
    public void CleaningLeavesEscapesAloneAndEscapingLeavesOtherCharactersAlone()
    {
        Assert.Equal("_x0041_ " + Fffd, ExcelText.Clean("_x0041_ \u0001"));
        Assert.Equal("_x005F_x0041_ \u0001", ExcelText.Escape("_x0041_ \u0001"));
        Assert.Equal("plain", ExcelText.Escape("plain"));
    }
}
