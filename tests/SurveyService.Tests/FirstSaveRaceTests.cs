using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Two focal points of one entity save first (no If-Match) at the same moment: one is let in, the
/// other is told 409 and how to go on (API.md), on SQLite, whose single writer runs the writes one
/// after the other, as on PostgreSQL, where the unique index on (consultation, entity) decides.
/// The other focal point's submission is inserted at a chosen moment of this save, every time.
/// </summary>
public sealed class FirstSaveRaceTests
{
    [SkippableTheory]
    // Sent, but not yet written: on SQLite the other save queued ahead in the single writer.
    [InlineData("Sqlite", SubmissionCreatedMeanwhile.Moment.BeforeTheWrite)]
    [InlineData("PostgreSql", SubmissionCreatedMeanwhile.Moment.BeforeTheWrite)]
    // Between this write's read and its insert: only where writes run side by side. On SQLite the
    // single writer holds the write lock then, and no other connection can insert.
    [InlineData("PostgreSql", SubmissionCreatedMeanwhile.Moment.BeforeTheInsert)]
    public async Task FirstSavesOfOneEntityAtTheSameMomentLetOneInAndTellTheOther(string provider, SubmissionCreatedMeanwhile.Moment moment)
    {
        await using var on = new OnProvider(provider);
        var app = on.App;
        var other = new SubmissionCreatedMeanwhile(app);
        app.TestServices = services => services.ConfigureDbContext<SurveyDbContext>(options => options.AddInterceptors(other));
        var consultation = await app.CreateConsultationAsync();
        var q = await app.QuestionIdsAsync(consultation);
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        other.Arm(consultation, respondent.EntityId, moment);

        var problem = await (await respondent.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = "mine" }]))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.True(other.Inserted);
        Assert.Contains("created its submission at the same moment", problem.GetProperty("detail").GetString());
        var (kept, etag) = await respondent.Client.ReadSubmissionAsync(consultation);
        Assert.Empty(kept.Answers);
        // As the detail says: saved again with the ETag, it goes in.
        (await respondent.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = "mine" }], etag)).EnsureSuccessStatusCode();
    }
}
