using Microsoft.Extensions.Primitives;
using SurveyService.Submissions;

namespace SurveyService.Rules.Tests.Submissions;

public class ETagPolicyTests
{
    /// <summary>What a readable header expects (asserting that it can be read).</summary>
    private static ExpectedVersion? IfMatch(params string[] values)
    {
        Assert.True(ETagPolicy.TryReadIfMatch(new StringValues(values), out var expected), $"If-Match: {string.Join(", ", values)} could not be read.");
        return expected;
    }

    // The ETag

    [Theory]
    [InlineData(1, "\"1\"")]
    [InlineData(42, "\"42\"")]
    public void ASubmissionsETagIsItsVersionQuoted(int version, string etag) => Assert.Equal(etag, ETagPolicy.For(version));

    [Fact]
    public void TheETagOfAVersionIsReadBackAsThatVersion()
    {
        var expected = IfMatch(ETagPolicy.For(7));

        Assert.NotNull(expected);
        Assert.True(expected.Matches(7));
        Assert.False(expected.Matches(8));
    }

    // If-Match

    [Fact]
    public void NoIfMatchHeaderIsNoExpectation()
    {
        Assert.True(ETagPolicy.TryReadIfMatch(StringValues.Empty, out var expected));
        Assert.Null(expected);
    }

    [Fact]
    public void IfMatchStarExpectsAnyVersion()
    {
        var expected = IfMatch("*");

        Assert.NotNull(expected);
        Assert.True(expected.Any);
        Assert.True(expected.Matches(1));
        Assert.True(expected.Matches(93));
    }

    [Fact]
    public void AStarAmongOtherTagsStillExpectsAnyVersion() => Assert.True(IfMatch("\"1\", *")!.Any);

    [Fact]
    public void AStrongTagNamesItsVersion() => Assert.Equal(ExpectedVersion.Exactly(3).Versions, IfMatch("\"3\"")!.Versions);

    [Fact]
    public void AWeakTagNamesItsVersionToo()
    {
        var expected = IfMatch("W/\"3\"")!;

        Assert.False(expected.Any);
        Assert.Equal([3], expected.Versions);
    }

    [Fact]
    public void SeveralTagsNameSeveralVersionsWhetherInOneHeaderOrMany()
    {
        Assert.Equal([2, 5], IfMatch("\"2\", \"5\"")!.Versions);
        Assert.Equal([2, 5], IfMatch("\"2\"", "\"5\"")!.Versions);
    }

    [Theory]
    [InlineData("3")]       // not quoted: not an entity tag
    [InlineData("\"3")]     // unterminated
    [InlineData("W/\"x")]   // a weak tag, unterminated
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("garbage, *")]          // an unparseable item spoils the whole list, the star included
    [InlineData("\"2\" \"3\"")]          // two tags without a comma
    [InlineData("\"3\", garbage")]
    public void AHeaderThatIsNotAListOfEntityTagsCannotBeRead(string header)
    {
        Assert.False(ETagPolicy.TryReadIfMatch(new StringValues(header), out var expected));
        Assert.Null(expected);
    }

    [Fact]
    public void AnUnreadableHeaderAmongReadableOnesSpoilsTheWhole() =>
        Assert.False(ETagPolicy.TryReadIfMatch(new StringValues(["\"2\"", "3"]), out _));

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("\"03\"")]
    [InlineData("\"+3\"")]
    [InlineData("\"-1\"")]
    [InlineData("\" 3\"")]
    [InlineData("\"3.0\"")]
    [InlineData("\"99999999999\"")]
    public void ATagThatIsNotOneOfOurETagsMatchesNoVersion(string header)
    {
        var expected = IfMatch(header)!;

        Assert.False(expected.Any);
        Assert.Empty(expected.Versions);
    }

    [Fact]
    public void ATagThatIsNotOursDoesNotHideTheOthers() => Assert.Equal([0, 4], IfMatch("\"0\", \"x\", W/\"4\"")!.Versions);

    // Saving

    [Fact]
    public void AFirstSaveNeedsNoVersion() => Assert.Null(ETagPolicy.RefusalToSave(null, null));

    [Fact]
    public void AFirstSaveMayExpectAnyVersion()
    {
        Assert.Null(ETagPolicy.RefusalToSave(null, ExpectedVersion.AnyVersion));
        Assert.Null(ETagPolicy.RefusalToSave(null, IfMatch("*")));
    }

    [Fact]
    public void AFirstSaveThatNamesAVersionIsRefusedForThereIsNone()
    {
        Assert.IsType<SubmissionRefusal.NoVersionToMatch>(ETagPolicy.RefusalToSave(null, ExpectedVersion.Exactly(1)));
        Assert.IsType<SubmissionRefusal.NoVersionToMatch>(ETagPolicy.RefusalToSave(null, IfMatch("\"x\"")));
    }

    [Fact]
    public void ALaterSaveMustNameTheVersionItReplaces() =>
        Assert.IsType<SubmissionRefusal.VersionRequired>(ETagPolicy.RefusalToSave(3, null));

    [Fact]
    public void ALaterSaveOfTheCurrentVersionIsAccepted()
    {
        Assert.Null(ETagPolicy.RefusalToSave(3, ExpectedVersion.Exactly(3)));
        Assert.Null(ETagPolicy.RefusalToSave(3, IfMatch("\"2\", \"3\"")));
    }

    [Fact]
    public void ALaterSaveWithIfMatchStarReplacesWhateverVersionIsThere()
    {
        Assert.Null(ETagPolicy.RefusalToSave(3, ExpectedVersion.AnyVersion));
        Assert.Null(ETagPolicy.RefusalToSave(3, IfMatch("*")));
    }

    [Fact]
    public void ALaterSaveOfAStaleVersionIsRefusedNamingTheCurrentOne()
    {
        Assert.Equal(new SubmissionRefusal.ChangedSinceRead(3, Submitting: false), ETagPolicy.RefusalToSave(3, ExpectedVersion.Exactly(2)));
        Assert.Equal(new SubmissionRefusal.ChangedSinceRead(3, Submitting: false), ETagPolicy.RefusalToSave(3, IfMatch("\"x\"")));
    }

    // Writing (the same rule, as the save is written)

    [Fact]
    public void AFirstSaveFindingASubmissionAsItIsWrittenWasBeatenByAnotherFirstSave() =>
        Assert.IsType<SubmissionRefusal.CreatedConcurrently>(ETagPolicy.RefusalToWrite(1, null));

    [Fact]
    public void AFirstSaveFindingNoSubmissionAsItIsWrittenIsWritten() => Assert.Null(ETagPolicy.RefusalToWrite(null, null));

    [Fact]
    public void AsItIsWrittenASaveThatNamesAVersionFollowsTheSaveRule()
    {
        Assert.IsType<SubmissionRefusal.NoVersionToMatch>(ETagPolicy.RefusalToWrite(null, ExpectedVersion.Exactly(1)));
        Assert.Null(ETagPolicy.RefusalToWrite(3, ExpectedVersion.Exactly(3)));
        Assert.Null(ETagPolicy.RefusalToWrite(3, ExpectedVersion.AnyVersion));
        Assert.Equal(new SubmissionRefusal.ChangedSinceRead(3, Submitting: false), ETagPolicy.RefusalToWrite(3, ExpectedVersion.Exactly(2)));
    }

    // Submitting

    [Fact]
    public void ASubmitNeedsNoVersion() => Assert.Null(ETagPolicy.RefusalToSubmit(3, null));

    [Fact]
    public void ASubmitOfTheCurrentVersionIsAccepted()
    {
        Assert.Null(ETagPolicy.RefusalToSubmit(3, ExpectedVersion.Exactly(3)));
        Assert.Null(ETagPolicy.RefusalToSubmit(3, IfMatch("*")));
    }

    [Fact]
    public void ASubmitWithAStaleIfMatchIsRefusedNamingTheCurrentVersion()
    {
        Assert.Equal(new SubmissionRefusal.ChangedSinceRead(3, Submitting: true), ETagPolicy.RefusalToSubmit(3, ExpectedVersion.Exactly(2)));
        Assert.Equal(new SubmissionRefusal.ChangedSinceRead(3, Submitting: true), ETagPolicy.RefusalToSubmit(3, IfMatch("\"2\"")));
    }
}
