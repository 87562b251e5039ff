using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Issue 13: while a consultation is a draft the Secretariat edits, removes and reorders its
/// questions; each change is in the audit trail; once published the questions are frozen.
/// </summary>
public sealed class QuestionEditingTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private static readonly QuestionSpec[] ThreeOpen = [new("3a", "Open"), new("3b", "Open", "MultipleChoice", ["A", "B"]), new("3c", "Open", "Scale")];

    private static async Task<ConsultationHistoryEntry[]> HistoryAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/consultations/{id}/history")).ReadAsAsync<ConsultationHistoryEntry[]>();

    [Fact]
    public async Task EditingAQuestionChangesItsFieldsKeepsItsPlaceAndRecordsWhatChanged()
    {
        var id = await app.CreateConsultationAsync(ThreeOpen, publish: false);
        var secretariat = await app.AsSecretariatAsync();
        var q = await app.QuestionIdsAsync(id);

        var changed = await (await secretariat.PutAsJsonAsync($"/api/consultations/{id}/questions/{q["3b"]}",
            new { code = "3B-new", text = "Which ones now?", tier = "Open", type = "MultipleChoice", options = new[] { "A", "B", "C" } }))
            .ReadAsAsync<QuestionResponse>();

        Assert.Equal(("3B-new", "Which ones now?", 2), (changed.Code, changed.Text, changed.Order));
        Assert.Equal(["A", "B", "C"], changed.Options);
        Assert.Equal(["3a", "3B-new", "3c"], await secretariat.QuestionCodesAsync(id));
        var entry = Assert.Single(await HistoryAsync(secretariat, id), e => e.Action == ConsultationAction.QuestionChanged);
        Assert.Equal("3b", entry.Subject);
        Assert.Equal("code: 3b\ntext: Question 3b?\noptions: A | B", entry.Before);
        Assert.Equal("code: 3B-new\ntext: Which ones now?\noptions: A | B | C", entry.After);

        // Restating the same question changes nothing and records nothing.
        (await secretariat.PutAsJsonAsync($"/api/consultations/{id}/questions/{q["3b"]}",
            new { code = "3B-new", text = "Which ones now?", tier = "Open", type = "MultipleChoice", options = new[] { "A", "B", "C" } })).EnsureSuccessStatusCode();
        Assert.Single(await HistoryAsync(secretariat, id), e => e.Action == ConsultationAction.QuestionChanged);
    }

    [Fact]
    public async Task AnEditIsCheckedAsAnAdditionIsAndACodeStaysUnique()
    {
        var id = await app.CreateConsultationAsync(ThreeOpen, publish: false);
        var secretariat = await app.AsSecretariatAsync();
        var q = await app.QuestionIdsAsync(id);
        Task<HttpResponseMessage> Put(Guid question, object body) => secretariat.PutAsJsonAsync($"/api/consultations/{id}/questions/{question}", body);

        await (await Put(q["3b"], new { code = "3b", text = "Which?", tier = "Open", type = "SingleChoice", options = new[] { "Only" } }))
            .AssertValidationErrorAsync("options");
        await (await Put(q["3c"], new { code = "3c", text = "How much?", tier = "Open", type = "Scale", scaleMin = 5, scaleMax = 1 }))
            .AssertValidationErrorAsync("scaleMax");
        var duplicate = await (await Put(q["3c"], new { code = " 3A ", text = "How much?", tier = "Open", type = "Scale" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("3A", duplicate.GetProperty("detail").GetString());
        await (await Put(Guid.NewGuid(), new { code = "9z", text = "Lost?", tier = "Open", type = "Text" })).AssertProblemAsync(HttpStatusCode.NotFound);
        // Another consultation's question is not this one's to change.
        var other = await app.CreateConsultationAsync(ThreeOpen, publish: false);
        var theirs = (await app.QuestionIdsAsync(other))["3a"];
        await (await Put(theirs, new { code = "3a", text = "Mine?", tier = "Open", type = "Text" })).AssertProblemAsync(HttpStatusCode.NotFound);

        // Its own code, in another case, is not a duplicate.
        (await Put(q["3a"], new { code = "3A", text = "Question 3a?", tier = "Open", type = "Text" })).EnsureSuccessStatusCode();
        Assert.Equal(["3A", "3b", "3c"], await secretariat.QuestionCodesAsync(id));
        Assert.DoesNotContain(await HistoryAsync(secretariat, id), e => e.Action == ConsultationAction.QuestionChanged && e.Subject != "3a");
    }

    [Fact]
    public async Task RemovingAQuestionTakesItOutAndKeepsItsTextInTheTrail()
    {
        var id = await app.CreateConsultationAsync(ThreeOpen, publish: false);
        var secretariat = await app.AsSecretariatAsync();
        var q = await app.QuestionIdsAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.DeleteAsync($"/api/consultations/{id}/questions/{q["3b"]}")).StatusCode);

        Assert.Equal(["3a", "3c"], await secretariat.QuestionCodesAsync(id));
        var entry = Assert.Single(await HistoryAsync(secretariat, id), e => e.Action == ConsultationAction.QuestionRemoved);
        Assert.Equal(("3b", "Question 3b?"), (entry.Subject, entry.Before));
        await (await secretariat.DeleteAsync($"/api/consultations/{id}/questions/{q["3b"]}")).AssertProblemAsync(HttpStatusCode.NotFound);
        // Its code is free again.
        (await secretariat.PostAsJsonAsync($"/api/consultations/{id}/questions", new { code = "3b", text = "Again?", tier = "Open", type = "Text" }))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ReorderingNeedsEveryQuestionOnceAndRecordsBothOrders()
    {
        var id = await app.CreateConsultationAsync(ThreeOpen, publish: false);
        var secretariat = await app.AsSecretariatAsync();
        var q = await app.QuestionIdsAsync(id);
        Task<HttpResponseMessage> Order(params Guid[] ids) => secretariat.PutAsJsonAsync($"/api/consultations/{id}/questions/order", new { questionIds = ids });

        await (await Order(q["3c"], q["3a"])).AssertValidationErrorAsync("questionIds");
        await (await Order(q["3c"], q["3a"], q["3a"])).AssertValidationErrorAsync("questionIds");
        await (await Order(q["3c"], q["3a"], q["3b"], Guid.NewGuid())).AssertValidationErrorAsync("questionIds");
        await (await Order(q["3c"], q["3a"], Guid.NewGuid())).AssertValidationErrorAsync("questionIds");
        Assert.Equal(["3a", "3b", "3c"], await secretariat.QuestionCodesAsync(id));

        var ordered = await (await Order(q["3c"], q["3a"], q["3b"])).ReadAsAsync<QuestionResponse[]>();

        Assert.Equal(["3c", "3a", "3b"], ordered.Select(o => o.Code));
        Assert.Equal(["3c", "3a", "3b"], await secretariat.QuestionCodesAsync(id));
        var entry = Assert.Single(await HistoryAsync(secretariat, id), e => e.Action == ConsultationAction.QuestionsReordered);
        Assert.Equal(("3a, 3b, 3c", "3c, 3a, 3b"), (entry.Before, entry.After));
    }

    [Fact]
    public async Task OncePublishedTheQuestionsCannotBeEditedRemovedOrReordered()
    {
        var id = await app.CreateConsultationAsync(ThreeOpen);
        var secretariat = await app.AsSecretariatAsync();
        var q = await app.QuestionIdsAsync(id);

        var problem = await (await secretariat.PutAsJsonAsync($"/api/consultations/{id}/questions/{q["3a"]}",
            new { code = "3a", text = "Changed after publishing?", tier = "Open", type = "Text" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("frozen", problem.GetProperty("detail").GetString());
        await (await secretariat.DeleteAsync($"/api/consultations/{id}/questions/{q["3a"]}")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.PutAsJsonAsync($"/api/consultations/{id}/questions/order", new { questionIds = new[] { q["3c"], q["3b"], q["3a"] } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["3a", "3b", "3c"], await secretariat.QuestionCodesAsync(id));
        Assert.DoesNotContain(await HistoryAsync(secretariat, id),
            e => e.Action is ConsultationAction.QuestionChanged or ConsultationAction.QuestionRemoved or ConsultationAction.QuestionsReordered);
    }

    [Fact]
    public async Task OnlyTheSecretariatChangesQuestions()
    {
        var id = await app.CreateConsultationAsync(ThreeOpen, publish: false);
        var q = await app.QuestionIdsAsync(id);
        var analyst = await app.AsAnalystAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync($"/api/consultations/{id}/questions/{q["3a"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync($"/api/consultations/{id}/questions/order",
            new { questionIds = new[] { q["3c"], q["3b"], q["3a"] } })).StatusCode);
        Assert.Equal(["3a", "3b", "3c"], await (await app.AsSecretariatAsync()).QuestionCodesAsync(id));
    }
}
