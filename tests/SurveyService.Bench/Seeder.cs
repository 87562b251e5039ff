using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SurveyService.Data;
using SurveyService.Data.Consultations;
using SurveyService.Data.Entities;
using SurveyService.Data.Submissions;

namespace SurveyService.Bench;

/// <summary>
/// Builds the database that is measured (not timed as part of any measurement): a fresh SQLite
/// file, migrated; a closed consultation of 30 questions over the three tiers; N entities across
/// the five categories, each with one submission whose single submitted version is the latest
/// and holds an answer to every question; and a small warm-up consultation of the same shape.
/// </summary>
internal static class Seeder
{
    public const int QuestionsPerTier = 10;
    public const int TextMaxLength = 2_000;
    private const int WarmUpSubmissions = 20;

    // Per tier: 3 single choice, 2 multiple choice, 2 scales, 3 texts, interleaved as a questionnaire would.
    private static readonly QuestionType[] TierPattern =
    [
        QuestionType.SingleChoice, QuestionType.Text, QuestionType.MultipleChoice, QuestionType.Scale, QuestionType.SingleChoice,
        QuestionType.Text, QuestionType.MultipleChoice, QuestionType.SingleChoice, QuestionType.Scale, QuestionType.Text,
    ];

    private static readonly DateTime Closes = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    public static async Task SeedAsync(string path, int submissions, int batchSize)
    {
        var clock = Stopwatch.StartNew();
        File.Delete(path);
        var random = new Synthetic(20260630);
        Guid measured, warmUp;
        List<Question> measuredQuestions, warmUpQuestions;
        List<Entity> entities;

        await using (var db = BenchDatabase.Open(path))
        {
            await db.Database.MigrateAsync();
            (measured, measuredQuestions) = Consultation(db, BenchDatabase.MeasuredTitle);
            (warmUp, warmUpQuestions) = Consultation(db, BenchDatabase.WarmUpTitle);
            var categories = Enum.GetValues<RespondentCategory>();
            entities = [.. Enumerable.Range(1, submissions).Select(i => new Entity
            {
                Name = random.Name(i),
                Category = categories[i % categories.Length],
                CountryCode = categories[i % categories.Length] == RespondentCategory.MemberState ? "CH" : null,
                CreatedAt = Closes.AddDays(-90),
            })];
            db.Entities.AddRange(entities);
            await db.SaveChangesAsync();
        }

        await InsertSubmissionsAsync(path, warmUp, warmUpQuestions, entities.Take(WarmUpSubmissions).ToList(), random, batchSize);
        await InsertSubmissionsAsync(path, measured, measuredQuestions, entities, random, batchSize);

        await using (var db = BenchDatabase.Open(path))
        {
            // Fresh statistics, as a long-running database would have; then fold the WAL into the file.
            await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        Console.Error.WriteLine($"Seeded {submissions:N0} submissions x 30 answers in {clock.Elapsed.TotalSeconds:F1} s; "
            + $"database {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB.");
    }

    private static (Guid Id, List<Question> Questions) Consultation(SurveyDbContext db, string title)
    {
        var consultation = new Consultation
        {
            Title = title,
            Description = "Synthetic consultation for the compile benchmark.",
            OpensAt = Closes.AddDays(-60),
            ClosesAt = Closes,
            CreatedAt = Closes.AddDays(-70),
            PublishedAt = Closes.AddDays(-61),
            ClosedAt = Closes,
            EligibleCategories = [.. Enum.GetValues<RespondentCategory>()],
            Weights =
            [
                new CategoryWeight { Category = RespondentCategory.MemberState, Weight = 2m },
                new CategoryWeight { Category = RespondentCategory.SectorMember, Weight = 1m },
                new CategoryWeight { Category = RespondentCategory.Associate, Weight = 0.75m },
                new CategoryWeight { Category = RespondentCategory.Academia, Weight = 0.5m },
                new CategoryWeight { Category = RespondentCategory.Stakeholder, Weight = 0.25m },
            ],
        };
        var order = 0;
        foreach (var tier in Enum.GetValues<QuestionTier>())
        {
            foreach (var type in TierPattern)
            {
                order++;
                consultation.Questions.Add(new Question
                {
                    ConsultationId = consultation.Id,
                    Code = $"Q{order:D2}",
                    Text = $"Question {order} ({tier}, {type}): what is your view on the matter set out in paragraph {order}?",
                    Tier = tier,
                    Type = type,
                    Options = type is QuestionType.SingleChoice or QuestionType.MultipleChoice
                        ? [.. Enumerable.Range(1, type == QuestionType.SingleChoice ? 4 : 6).Select(o => $"Option {o} of question {order}")]
                        : [],
                    Required = type != QuestionType.Text,
                    MaxLength = type == QuestionType.Text ? TextMaxLength : null,
                    ScaleMin = type == QuestionType.Scale ? 1 : null,
                    ScaleMax = type == QuestionType.Scale ? 5 : null,
                    Order = order,
                });
            }
        }
        db.Consultations.Add(consultation);
        return (consultation.Id, consultation.Questions);
    }

    /// <summary>
    /// Batches of AddRange + SaveChanges with the change tracker cleared after each, so that
    /// 600,000 answers go in at a steady rate instead of slowing down as tracked entities pile up.
    /// </summary>
    private static async Task InsertSubmissionsAsync(
        string path, Guid consultationId, IReadOnlyList<Question> questions, IReadOnlyList<Entity> entities, Synthetic random, int batchSize)
    {
        await using var db = BenchDatabase.Open(path);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var submittedAt = Closes.AddDays(-1);
        for (var start = 0; start < entities.Count; start += batchSize)
        {
            var submissions = new List<Submission>();
            var versions = new List<SubmittedVersion>();
            var answers = new List<SubmittedAnswer>();
            foreach (var entity in entities.Skip(start).Take(batchSize))
            {
                var submission = new Submission
                {
                    ConsultationId = consultationId, EntityId = entity.Id, Version = 2, IsSubmitted = true,
                    CreatedAt = submittedAt.AddHours(-1), UpdatedAt = submittedAt, UpdatedBy = "bench", SubmittedAt = submittedAt,
                };
                var version = new SubmittedVersion
                {
                    SubmissionId = submission.Id, Number = 1, SubmittedAt = submittedAt, SubmittedBy = "bench", Digest = random.Hex(32),
                };
                submission.LatestSubmittedVersionId = version.Id;
                submissions.Add(submission);
                versions.Add(version);
                answers.AddRange(questions.Select(question => Answer(version.Id, question, random)));
            }
            db.Submissions.AddRange(submissions);
            db.SubmittedVersions.AddRange(versions);
            db.SubmittedAnswers.AddRange(answers);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>An answer the service would accept for the question's type: known options, a value on the scale, text within maxLength.</summary>
    private static SubmittedAnswer Answer(Guid versionId, Question question, Synthetic random) => question.Type switch
    {
        QuestionType.SingleChoice => new SubmittedAnswer { SubmittedVersionId = versionId, QuestionId = question.Id, Choices = [random.Pick(question.Options)] },
        QuestionType.MultipleChoice => new SubmittedAnswer
        {
            SubmittedVersionId = versionId, QuestionId = question.Id,
            Choices = [.. question.Options.Where(_ => random.Next(0, 3) == 0).DefaultIfEmpty(question.Options[0])],
        },
        QuestionType.Scale => new SubmittedAnswer { SubmittedVersionId = versionId, QuestionId = question.Id, Value = random.Next(question.ScaleMin!.Value, question.ScaleMax!.Value + 1) },
        _ => new SubmittedAnswer { SubmittedVersionId = versionId, QuestionId = question.Id, Text = random.Text(random.Next(1, TextMaxLength + 1)) },
    };
}
