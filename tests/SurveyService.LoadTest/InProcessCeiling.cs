using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SurveyService.Data.Consultations;
using SurveyService.Data.Entities;
using SurveyService.Submissions;

namespace SurveyService.LoadTest;

/// <summary>
/// The ceiling of this machine for the same work: the same number of respondents save and submit
/// straight through the service's own submission code and SurveyDbContext on a fresh SQLite file,
/// set up as the service sets it up, at the same concurrency. The HTTP path is reported as a
/// fraction of this rate.
/// </summary>
internal static class InProcessCeiling
{
    private sealed record Seeded(Identity.Respondent Respondent, AnswerInput[] Answers);

    public static async Task<(Measurements Measurements, int Counted)> RunAsync(int respondents, int concurrency)
    {
        var directory = Directory.CreateTempSubdirectory("survey-ceiling-");
        try
        {
            var file = Path.Combine(directory.FullName, "ceiling.db");
            Measurements measurements;
            Guid consultationId;
            await using (var writes = new RespondentWrites(file))
            {
                (consultationId, var seeded) = await writes.WithDatabaseAsync(db => SeedAsync(db, respondents));
                measurements = await MeasureAsync(writes, consultationId, seeded, concurrency);
            }
            var counted = await SqliteContexts.CountSubmittedAsync(SqliteContexts.ReadOnly(file), consultationId);
            return (measurements, counted);
        }
        finally
        {
            // Pooled connections would keep the file open.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Untimed: the schema by the real migrations, then a published consultation and one entity per respondent.</summary>
    private static async Task<(Guid, Seeded[])> SeedAsync(SurveyDbContext db, int respondents)
    {
        await db.Database.MigrateAsync();
        var now = DateTime.UtcNow;
        var consultation = new Consultation
        {
            Title = "Deadline rush, in process",
            OpensAt = now.AddMinutes(-5),
            ClosesAt = now.AddDays(7),
            CreatedAt = now,
            PublishedAt = now,
            EligibleCategories = [.. Enum.GetValues<RespondentCategory>()],
        };
        var order = 0;
        consultation.Questions.AddRange(Questionnaire.Questions.Select(q => new Question
        {
            ConsultationId = consultation.Id,
            Code = q.Code,
            Text = $"Question {q.Code} of the load test?",
            Tier = q.Tier,
            Type = q.Type,
            Options = [.. q.Options],
            Required = q.Required,
            MaxLength = q.Type == QuestionType.Text ? q.MaxLength : null,
            ScaleMin = q.Type == QuestionType.Scale ? 1 : null,
            ScaleMax = q.Type == QuestionType.Scale ? 5 : null,
            Order = ++order,
        }));
        db.Consultations.Add(consultation);

        var questionIds = consultation.Questions.ToDictionary(q => q.Code, q => q.Id);
        var seeded = new Seeded[respondents];
        for (var i = 0; i < respondents; i++)
        {
            var category = Questionnaire.CategoryOf(i);
            var entity = new Entity { Name = $"In-process entity {i}", Category = category, CreatedAt = now };
            db.Entities.Add(entity);
            // Submissions name their author by user id without a foreign key, so no accounts are needed.
            seeded[i] = new Seeded(new Identity.Respondent(Guid.NewGuid().ToString(), entity.Id, category),
                [.. Questionnaire.AnswersFor(category, i).Select(a => new AnswerInput(questionIds[a.Code], a.Text, a.Choices, a.Value))]);
        }
        await db.SaveChangesAsync();
        return (consultation.Id, seeded);
    }

    private static async Task<Measurements> MeasureAsync(RespondentWrites writes, Guid consultationId, Seeded[] seeded, int concurrency)
    {
        var measurements = new Measurements { Respondents = seeded.Length, Concurrency = concurrency };
        using var gate = new SemaphoreSlim(concurrency);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = seeded.Select(async (respondent, index) =>
        {
            await start.Task;
            await gate.WaitAsync();
            try
            {
                var journey = Stopwatch.StartNew();
                var version = await Timed(measurements, HttpRush.Save, index,
                    () => writes.SaveAsync(consultationId, respondent.Respondent, respondent.Answers));
                if (version is null)
                    return;
                var done = await Timed(measurements, HttpRush.Submit, index,
                    () => writes.SubmitAsync(consultationId, respondent.Respondent, version.Value));
                if (done is not null)
                    measurements.RespondentDone(journey.Elapsed.TotalMilliseconds);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();

        using var self = Process.GetCurrentProcess();
        var processorBefore = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(tasks);
        measurements.Wall = wall.Elapsed;
        self.Refresh();
        measurements.OwnProcessorTime = self.TotalProcessorTime - processorBefore;
        return measurements;
    }

    private static async Task<int?> Timed(Measurements measurements, string kind, int index, Func<Task<int>> work)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await work();
            measurements.Add(new Sample(kind, clock.Elapsed.TotalMilliseconds, "ok", true));
            return result;
        }
        catch (Exception exception)
        {
            measurements.Add(new Sample(kind, clock.Elapsed.TotalMilliseconds, exception.GetType().Name, false));
            measurements.ErrorDetail($"in-process {kind} of respondent {index}: {exception.GetType().Name}: {exception.Message}");
            return null;
        }
    }
}
