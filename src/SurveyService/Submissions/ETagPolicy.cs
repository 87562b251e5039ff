using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace SurveyService.Submissions;

/// <summary>
/// The version a writer says it last saw: any version (If-Match: *) or one of some versions.
/// No expectation at all (no If-Match) is a null <see cref="ExpectedVersion"/>.
/// </summary>
internal sealed record ExpectedVersion(bool Any, IReadOnlyList<int> Versions)
{
    public static readonly ExpectedVersion AnyVersion = new(true, []);

    public static ExpectedVersion Exactly(int version) => new(false, [version]);

    public bool Matches(int version) => Any || Versions.Contains(version);
}

/// <summary>A submission's ETag is its version, quoted; If-Match names the versions a writer expects.</summary>
internal static class ETagPolicy
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>
    /// Whether a save may replace the submission now at <paramref name="current"/> (null: there is
    /// none yet): a first save needs no version, and may say "any"; after that a save must name
    /// the version it replaces, so that no one's saved work is overwritten unseen.
    /// </summary>
    public static SubmissionRefusal? RefusalToSave(int? current, ExpectedVersion? expected) =>
        current is not { } version ? (expected is null || expected.Any ? null : new SubmissionRefusal.NoVersionToMatch())
        : expected is null ? new SubmissionRefusal.VersionRequired()
        : expected.Matches(version) ? null
        : new SubmissionRefusal.ChangedSinceRead(version, Submitting: false);

    /// <summary>
    /// The same rule as the save is written. A save without If-Match means to create the submission,
    /// and one that found it already there was refused before writing (<see cref="RefusalToSave"/>):
    /// a submission there now was created since, by another focal point saving first at the same moment.
    /// </summary>
    public static SubmissionRefusal? RefusalToWrite(int? current, ExpectedVersion? expected) =>
        current is not null && expected is null ? new SubmissionRefusal.CreatedConcurrently() : RefusalToSave(current, expected);

    /// <summary>A submit needs no version, but one that names a version submits only that version.</summary>
    public static SubmissionRefusal? RefusalToSubmit(int current, ExpectedVersion? expected) =>
        expected is null || expected.Matches(current) ? null : new SubmissionRefusal.ChangedSinceRead(current, Submitting: true);

    /// <summary>
    /// Reads If-Match: false when the header is there but is not a list of entity tags (If-Match: 3,
    /// W/"3, garbage), a client's mistake to be told as such rather than a version that matches none.
    /// Otherwise <paramref name="expected"/> is null when the header is absent, or what it expects:
    /// weak and strong tags alike name a version, and a well-formed tag that names no version of ours
    /// ("x", "03") matches none.
    /// </summary>
    public static bool TryReadIfMatch(StringValues header, out ExpectedVersion? expected)
    {
        expected = null;
        if (header.Count == 0)
            return true;
        // Strict: a list with anything unparseable in it ("garbage, *", "\"2\" \"3\"") cannot be read as a
        // whole, rather than meaning what the lenient parser would keep of it.
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags))
            return false;
        if (tags.Any(t => t.Tag == "*"))
        {
            expected = ExpectedVersion.AnyVersion;
            return true;
        }
        var versions = tags.Select(t => t.Tag.ToString())
            .Select(tag => int.TryParse(tag.Trim('"'), System.Globalization.NumberStyles.None, null, out var version) && For(version) == tag ? version : -1)
            .Where(version => version >= 0);
        expected = new ExpectedVersion(false, [.. versions]);
        return true;
    }
}
