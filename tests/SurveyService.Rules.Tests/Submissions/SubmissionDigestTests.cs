using System.Security.Cryptography;
using System.Text;
using SurveyService.Data.Submissions;
using SurveyService.Submissions;

namespace SurveyService.Rules.Tests.Submissions;

public class SubmissionDigestTests
{
    private static readonly Guid Consultation = Make.Id(100);
    private static readonly Guid Entity = Make.Id(200);
    private static readonly DateTime SubmittedAt = new DateTime(2025, 6, 15, 12, 30, 45, DateTimeKind.Utc).AddTicks(1234567);

    private static SubmittedAnswer Answer(int question, string? text = null, List<string>? choices = null, int? value = null) =>
        new() { QuestionId = Make.Id(question), Text = text, Choices = choices, Value = value };

    private static readonly SubmittedAnswer[] Answers =
        [Answer(1, text: "We agree."), Answer(2, choices: ["A", "C"]), Answer(3, value: 4)];

    private static string Digest(IEnumerable<SubmittedAnswer> answers, Guid? consultation = null, Guid? entity = null, int number = 1,
        DateTime? submittedAt = null) =>
        SubmissionDigest.Compute(consultation ?? Consultation, entity ?? Entity, number, submittedAt ?? SubmittedAt, answers);

    // Computed afresh by each test, never cached: a value kept across tests would hide a changed rule.
    private static string Baseline => Digest(Answers);

    [Fact]
    public void TheDigestIsSha256OverTheCanonicalJsonSoTheSecretariatCanRecomputeIt()
    {
        // Written out by hand: what a reader of the receipt documentation would hash.
        var canonical = """
            {"consultationId":"00000000-0000-0000-0000-000000000100","entityId":"00000000-0000-0000-0000-000000000200","version":1,
            "submittedAt":"2025-06-15T12:30:45.1234567Z","answers":[
            {"questionId":"00000000-0000-0000-0000-000000000001","text":"We agree.","choices":null,"value":null},
            {"questionId":"00000000-0000-0000-0000-000000000002","text":null,"choices":["A","C"],"value":null},
            {"questionId":"00000000-0000-0000-0000-000000000003","text":null,"choices":null,"value":4}]}
            """.ReplaceLineEndings("");
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, Baseline);
    }

    [Fact]
    public void TheSameSubmissionGivesTheSameDigest() =>
        Assert.Equal(Baseline, Digest([Answer(1, text: "We agree."), Answer(2, choices: ["A", "C"]), Answer(3, value: 4)]));

    [Fact]
    public void TheSameAnswersInAnotherOrderGiveTheSameDigest() =>
        Assert.Equal(Baseline, Digest([Answers[2], Answers[0], Answers[1]]));

    [Fact]
    public void DifferentAnswersGiveADifferentDigest()
    {
        Assert.NotEqual(Baseline, Digest([Answers[0], Answers[1]]));
        Assert.NotEqual(Baseline, Digest([]));
    }

    [Fact]
    public void EveryFieldOfAnAnswerCounts()
    {
        Assert.NotEqual(Baseline, Digest([Answer(1, text: "We disagree."), Answers[1], Answers[2]]));
        Assert.NotEqual(Baseline, Digest([Answer(1, text: "We agree.", value: 1), Answers[1], Answers[2]]));
        Assert.NotEqual(Baseline, Digest([Answers[0], Answer(2, choices: ["A", "B"]), Answers[2]]));
        Assert.NotEqual(Baseline, Digest([Answers[0], Answer(2, choices: ["C", "A"]), Answers[2]]));
        Assert.NotEqual(Baseline, Digest([Answers[0], Answers[1], Answer(3, value: 5)]));
        Assert.NotEqual(Baseline, Digest([Answers[0], Answers[1], Answer(4, value: 4)]));
    }

    [Fact]
    public void TheConsultationTheEntityTheVersionAndTheTimeCount()
    {
        Assert.NotEqual(Baseline, Digest(Answers, consultation: Make.Id(101)));
        Assert.NotEqual(Baseline, Digest(Answers, entity: Make.Id(201)));
        Assert.NotEqual(Baseline, Digest(Answers, number: 2));
        Assert.NotEqual(Baseline, Digest(Answers, submittedAt: SubmittedAt.AddTicks(1)));
    }

    [Fact]
    public void TheDigestNamesItsAlgorithmAndIsLowercaseHex() =>
        Assert.Matches("^sha256:[0-9a-f]{64}$", Baseline);
}
