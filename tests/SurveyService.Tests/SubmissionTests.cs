using System.Text;
using System.Text.Json;
using SurveyService.Consultations;
using SurveyService.Submissions;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

public sealed class SubmissionTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private async Task<(Guid Consultation, Dictionary<string, Guid> Questions)> OpenConsultationAsync(object? draft = null)
    {
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType, draft: draft);
        return (consultation, await app.QuestionIdsAsync(consultation));
    }

    [Fact]
    public async Task NothingSavedYetIsNotFound()
    {
        var (consultation, _) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);

        await (await respondent.Client.GetAsync(SubmissionCalls.Path(consultation))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SavedDraftComesBackToEveryFocalPointOfTheEntityWithItsETag()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var first = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var second = await app.AddFocalPointAsync(first.EntityId);

        var saved = await first.Client.SaveAsync(consultation, [new { questionId = q["2a"], choices = new[] { "Yes" } }, new { questionId = q["3c"], value = 4 }]);
        var body = await saved.ReadAsAsync<SubmissionResponse>();

        Assert.Equal("Draft", body.Status);
        Assert.Equal("\"1\"", saved.Headers.ETag?.ToString());
        var (read, etag) = await second.Client.ReadSubmissionAsync(consultation);
        Assert.Equal("\"1\"", etag);
        Assert.Equal(body.Id, read.Id);
        var answers = read.Answers.ToDictionary(a => a.QuestionId);
        Assert.Equal("Yes", answers[q["2a"]].Choices![0]);
        Assert.Equal(4, answers[q["3c"]].Value);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")")]
    [InlineData("Τα κράτη μέλη 🌍 — 加盟国 — الدول الأعضاء\r\n\ttab and\u0000nul")]
    [InlineData("  leading and trailing spaces  ")]
    [InlineData("e\u0301 combining, \u200b zero width, \ufeff byte order mark")]
    public async Task TextIsStoredExactlyAsSent(string text)
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);

        await (await respondent.Client.SaveAsync(consultation, [new { questionId = q["1a"], text }])).ReadAsAsync<SubmissionResponse>();

        var (read, _) = await respondent.Client.ReadSubmissionAsync(consultation);
        Assert.Equal(text, read.Answers[0].Text);
    }

    [Fact]
    public async Task SavingAgainNeedsIfMatchAndAStaleOneIsRefused()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Academia);
        (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "first" }])).EnsureSuccessStatusCode();

        await (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "no precondition" }]))
            .AssertProblemAsync((HttpStatusCode)428);
        await (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "stale" }], "\"7\""))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var saved = await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "second" }], "\"1\"");

        Assert.Equal("\"2\"", saved.Headers.ETag?.ToString());
        var (read, _) = await respondent.Client.ReadSubmissionAsync(consultation);
        Assert.Equal("second", read.Answers[0].Text);
    }

    [Fact]
    public async Task SubmittingGivesAReceiptAndAmendmentsKeepEveryVersion()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.SectorMember);
        var saved = await respondent.Client.SaveAsync(consultation, [new { questionId = q["3c"], value = 2 }]);

        var submitted = await (await respondent.Client.SubmitAsync(consultation, saved.Headers.ETag!.ToString())).ReadAsAsync<SubmitResponse>();
        Assert.Equal("Submitted", submitted.Status);
        var receipt = submitted.Receipt;
        Assert.Equal(1, receipt.Version);
        Assert.Matches("^sha256:[0-9a-f]{64}$", receipt.Digest);
        var (afterSubmit, etag) = await respondent.Client.ReadSubmissionAsync(consultation);
        Assert.Equal("Submitted", afterSubmit.Status);

        (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3c"], value = 5 }], etag)).EnsureSuccessStatusCode();
        Assert.Equal("Draft", (await respondent.Client.ReadSubmissionAsync(consultation)).Body.Status);
        var amended = await (await respondent.Client.SubmitAsync(consultation)).ReadAsAsync<SubmitResponse>();

        Assert.Equal(2, amended.Receipt.Version);
        Assert.NotEqual(receipt.Digest, amended.Receipt.Digest);
        var versions = await (await respondent.Client.GetAsync(SubmissionCalls.Path(consultation) + "/versions")).ReadAsAsync<SubmittedVersionResponse[]>();
        Assert.Equal<int?>([2, 5], versions.Select(v => v.Answers[0].Value));
        Assert.Equal(receipt.Digest, versions[0].Digest);
    }

    [Fact]
    public async Task SubmittingTwiceWithoutChangesGivesTheSameReceipt()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Associate);
        (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3c"], value = 3 }])).EnsureSuccessStatusCode();

        var first = await (await respondent.Client.SubmitAsync(consultation)).ReadAsAsync<SubmitResponse>();
        var again = await (await respondent.Client.SubmitAsync(consultation)).ReadAsAsync<SubmitResponse>();

        Assert.Equal(first.Receipt.Id, again.Receipt.Id);
    }

    [Fact]
    public async Task RequiredQuestionsAreEnforcedOnSubmitNotOnSave()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Stakeholder);

        (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "partial is fine" }])).EnsureSuccessStatusCode();
        var problem = await (await respondent.Client.SubmitAsync(consultation)).AssertValidationErrorAsync("answers");

        Assert.Contains("3c", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(RespondentCategory.Stakeholder, "2a")]
    [InlineData(RespondentCategory.Stakeholder, "1a")]
    [InlineData(RespondentCategory.SectorMember, "1a")]
    [InlineData(RespondentCategory.Academia, "1a")]
    public async Task AnsweringAQuestionOutsideTheTierIsForbiddenAndNamesIt(RespondentCategory category, string code)
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(category);
        object answer = code == "2a" ? new { questionId = q[code], choices = new[] { "Yes" } } : new { questionId = q[code], text = "not mine to answer" };

        var problem = await (await respondent.Client.SaveAsync(consultation, [answer])).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains($"Question {code}", problem.GetProperty("detail").GetString());
        await (await respondent.Client.GetAsync(SubmissionCalls.Path(consultation))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CategoryNotEligibleCannotSave()
    {
        var (consultation, q) = await OpenConsultationAsync(app.Draft(eligible: ["MemberState"]));
        var associate = await app.AsRespondentAsync(RespondentCategory.Associate);

        await (await associate.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "hello" }])).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StaffHaveNoSubmission()
    {
        var (consultation, q) = await OpenConsultationAsync();

        await (await (await app.AsSecretariatAsync()).SaveAsync(consultation, [new { questionId = q["3a"], text = "x" }]))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, string, string> BadAnswers => new()
    {
        // field, question code, answer JSON ({id} is replaced with the question's id)
        { "answers[0].questionId", "none", """{"questionId":"00000000-0000-0000-0000-000000000001","text":"x"}""" },
        { "answers[0].choices", "2a", """{"questionId":"{id}","choices":["Maybe"]}""" },
        { "answers[0].choices", "2a", """{"questionId":"{id}","choices":["Yes","No"]}""" },
        { "answers[0].choices", "2a", """{"questionId":"{id}","choices":[]}""" },
        { "answers[0].choices", "3b", """{"questionId":"{id}","choices":["A","A"]}""" },
        { "answers[0].value", "3c", """{"questionId":"{id}","value":6}""" },
        { "answers[0].value", "3c", """{"questionId":"{id}","value":0}""" },
        { "answers[0].value", "3c", """{"questionId":"{id}","value":"five"}""" },
        { "answers[0].value", "3c", """{"questionId":"{id}","value":2.5}""" },
        { "answers[0].text", "3a", """{"questionId":"{id}","text":"This answer is longer than the fifty characters allowed."}""" },
        { "answers[0].text", "3a", """{"questionId":"{id}","text":42}""" },
        { "answers[0].text", "2a", """{"questionId":"{id}","text":"Yes"}""" },
        { "answers[0].choices", "3a", """{"questionId":"{id}","choices":["x"]}""" },
        { "answers[0].text", "3a", """{"questionId":"{id}"}""" },
        { "answers[1].questionId", "3a", """{"questionId":"{id}","text":"a"},{"questionId":"{id}","text":"b"}""" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task BadAnswerIsRefusedWithAFieldErrorAndNothingIsSaved(string field, string code, string answers)
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var json = $"{{\"answers\":[{answers.Replace("{id}", q.GetValueOrDefault(code).ToString())}]}}";

        await (await respondent.Client.PutAsync(SubmissionCalls.Path(consultation), new StringContent(json, Encoding.UTF8, "application/json")))
            .AssertValidationErrorAsync(field);
        await (await respondent.Client.GetAsync(SubmissionCalls.Path(consultation))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MalformedJsonAndOversizedBodiesAreRefused()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);

        await (await respondent.Client.PutAsync(SubmissionCalls.Path(consultation), new StringContent("{\"answers\":[{", Encoding.UTF8, "application/json")))
            .AssertValidationErrorAsync("body");
        var huge = JsonSerializer.Serialize(new { answers = new[] { new { questionId = q["1a"], text = new string('x', 5 * 1024 * 1024) } } });
        await (await respondent.Client.PutAsync(SubmissionCalls.Path(consultation), new StringContent(huge, Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ConcurrentSavesWithTheSameETagLetExactlyOneWin()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var first = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var second = await app.AddFocalPointAsync(first.EntityId);
        (await first.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = "start" }])).EnsureSuccessStatusCode();

        for (var round = 0; round < 5; round++)
        {
            var (_, etag) = await first.Client.ReadSubmissionAsync(consultation);
            var results = await Task.WhenAll(
                first.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = $"first {round}" }], etag),
                second.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = $"second {round}" }], etag));

            var statuses = results.Select(r => r.StatusCode).Order().ToArray();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
            var winner = results[0].StatusCode == HttpStatusCode.OK ? "first" : "second";
            var (read, _) = await first.Client.ReadSubmissionAsync(consultation);
            Assert.Equal($"{winner} {round}", read.Answers[0].Text);
        }
    }

    [Fact]
    public async Task RacingFirstSavesCreateOneSubmission()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var focalPoints = new List<Respondent> { await app.AsRespondentAsync(RespondentCategory.SectorMember) };
        for (var i = 0; i < 3; i++)
            focalPoints.Add(await app.AddFocalPointAsync(focalPoints[0].EntityId));

        var results = await Task.WhenAll(focalPoints.Select((f, i) => f.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = $"focal {i}" }])));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, (HttpStatusCode)428 }));
        var audit = await (await (await app.AsSecretariatAsync()).GetAsync($"/api/consultations/{consultation}/audit")).ReadAsAsync<SubmissionEventResponse[]>();
        Assert.Single(audit, e => e.Action == "Created");
        Assert.Single(audit.Select(e => e.SubmissionId).Distinct());
    }

    [Fact]
    public async Task AuditTrailRecordsWhoDidWhatAndWhichVersionForStaffOnly()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var first = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var second = await app.AddFocalPointAsync(first.EntityId);
        var saved = await first.Client.SaveAsync(consultation, [new { questionId = q["3c"], value = 1 }]);
        saved = await second.Client.SaveAsync(consultation, [new { questionId = q["3c"], value = 2 }], saved.Headers.ETag!.ToString());
        (await first.Client.SubmitAsync(consultation, saved.Headers.ETag!.ToString())).EnsureSuccessStatusCode();

        var audit = await (await (await app.AsAnalystAsync()).GetAsync($"/api/consultations/{consultation}/audit?entityId={first.EntityId}")).ReadAsAsync<SubmissionEventResponse[]>();

        var events = audit.Select(e => (e.Action, e.Version, Email: e.UserEmail)).ToArray();
        Assert.Equal([("Created", 1, first.Email), ("Saved", 2, second.Email), ("Submitted", 3, first.Email)], events);
        await (await first.Client.GetAsync($"/api/consultations/{consultation}/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SubmittingWithAStaleETagIsRefusedAndSubmitsNothing()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var reviewer = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var colleague = await app.AddFocalPointAsync(reviewer.EntityId);
        var reviewed = await reviewer.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "reviewed" }]);
        var reviewedETag = reviewed.Headers.ETag!.ToString();
        (await colleague.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "changed meanwhile" }], reviewedETag)).EnsureSuccessStatusCode();

        await (await reviewer.Client.SubmitAsync(consultation, reviewedETag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var versions = await (await reviewer.Client.GetAsync(SubmissionCalls.Path(consultation) + "/versions")).ReadAsAsync<SubmittedVersionResponse[]>();
        Assert.Empty(versions);
        var submission = await (await reviewer.Client.GetAsync(SubmissionCalls.Path(consultation))).ReadAsAsync<SubmissionResponse>();
        Assert.Equal("Draft", submission.Status);
    }

    [Fact]
    public async Task IfMatchAnyReplacesWhicheverVersionIsSaved()
    {
        var (consultation, q) = await OpenConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Associate);
        (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "first" }], "*")).EnsureSuccessStatusCode();

        var saved = await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "whatever was there" }], "*");

        Assert.Equal("\"2\"", saved.Headers.ETag?.ToString());
        var submission = await saved.ReadAsAsync<SubmissionResponse>();
        Assert.Equal("whatever was there", Assert.Single(submission.Answers).Text);
    }
}

/// <summary>Deadlines by the server's clock: each test moves time, so each has its own application.</summary>
public sealed class SubmissionDeadlineTests
{
    [Fact]
    public async Task NothingIsAcceptedBeforeTheConsultationOpens()
    {
        await using var app = new SurveyApplication();
        var now = app.Clock.GetUtcNow();
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType, draft: new { title = "Later", opensAt = now.AddDays(1), closesAt = now.AddDays(10) });
        var q = await app.QuestionIdsAsync(consultation);
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);

        var problem = await (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "early" }])).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains($"{now.AddDays(1).UtcDateTime:yyyy-MM-dd HH:mm}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NothingIsAcceptedAfterTheDeadlineAndTheSubmittedVersionStays()
    {
        await using var app = new SurveyApplication();
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType);
        var closesAt = (await (await app.CreateHttpsClient().GetAsync($"/api/consultations/{consultation}")).ReadAsAsync<ConsultationResponse>()).ClosesAt;
        var q = await app.QuestionIdsAsync(consultation);
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var saved = await respondent.Client.SaveAsync(consultation, [new { questionId = q["3c"], value = 3 }]);
        (await respondent.Client.SubmitAsync(consultation)).EnsureSuccessStatusCode();

        app.Clock.SetUtcNow(closesAt);
        var late = await app.SignInAsync(respondent.Email);

        var problem = await (await late.SaveAsync(consultation, [new { questionId = q["3c"], value = 5 }], "\"2\"")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"{closesAt.UtcDateTime:yyyy-MM-dd HH:mm}", problem.GetProperty("detail").GetString());
        await (await late.SubmitAsync(consultation)).AssertProblemAsync(HttpStatusCode.Conflict);
        var (read, _) = await late.ReadSubmissionAsync(consultation);
        Assert.Equal("Submitted", read.Status);
        Assert.Equal(3, read.Answers[0].Value);
    }
}
