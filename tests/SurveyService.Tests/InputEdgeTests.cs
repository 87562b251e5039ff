using SurveyService.Consultations;
using SurveyService.Questionnaires;
using SurveyService.Submissions;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>Input that used to come back different, or not at all: each is now refused with a field error, or counted as a person counts.</summary>
public sealed class InputEdgeTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Theory]
    [InlineData("title", "Title with a NUL \u0000 inside")]
    [InlineData("title", "Title with\na line break")]
    [InlineData("description", "Escape \u001b[31m in a description")]
    public async Task AControlCharacterInAConsultationsTextIsRefused(string field, string text)
    {
        var secretariat = await app.AsSecretariatAsync();
        var draft = new Dictionary<string, object?>
        {
            ["title"] = "A consultation", ["opensAt"] = DateTimeOffset.UtcNow, ["closesAt"] = DateTimeOffset.UtcNow.AddDays(3), [field] = text,
        };

        await (await secretariat.PostAsJsonAsync("/api/consultations", draft)).AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task ADescriptionKeepsItsLineBreaksAndAnAnswerItsControlCharacters()
    {
        var secretariat = await app.AsSecretariatAsync();
        var created = await secretariat.PostAsJsonAsync("/api/consultations",
            new { title = "Lines", description = "First line\r\nSecond\tline", opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(3) });
        Assert.Equal("First line\r\nSecond\tline", (await created.ReadAsAsync<ConsultationResponse>(HttpStatusCode.Created)).Description);

        var consultation = await app.CreateConsultationAsync();
        var q = await app.QuestionIdsAsync(consultation);
        var respondent = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
        var saved = await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = "bell \u0007 kept" }]);
        Assert.Equal("bell \u0007 kept", Assert.Single((await saved.ReadAsAsync<SubmissionResponse>()).Answers).Text);
    }

    [Theory]
    [InlineData("2027-01-15T17:00:00")]
    [InlineData("2027-01-15")]
    public async Task AnInstantWithoutItsOffsetIsRefusedNamingTheField(string closesAt)
    {
        var secretariat = await app.AsSecretariatAsync();
        var body = new StringContent($$"""{"title":"No offset","opensAt":"2027-01-01T09:00:00Z","closesAt":"{{closesAt}}"}""",
            System.Text.Encoding.UTF8, "application/json");

        var problem = await (await secretariat.PostAsync("/api/consultations", body)).AssertValidationErrorAsync("closesAt");
        Assert.Contains("offset", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AWeightThatCannotBeStoredExactlyIsRefused()
    {
        var secretariat = await app.AsSecretariatAsync();

        await (await secretariat.PostAsJsonAsync("/api/consultations", app.Draft(weights: new Dictionary<string, decimal> { ["Stakeholder"] = 0.00001m })))
            .AssertValidationErrorAsync("weights.Stakeholder");
    }

    [Fact]
    public async Task CodesAndOptionsThatReadTheSameAreDuplicates()
    {
        var secretariat = await app.AsSecretariatAsync();
        var draft = await (await secretariat.PostAsJsonAsync("/api/consultations", app.Draft())).ReadAsAsync<ConsultationResponse>(HttpStatusCode.Created);
        var path = $"/api/consultations/{draft.Id}/questions";

        await (await secretariat.PostAsJsonAsync(path, new { code = "q", text = "Q?", tier = "Open", type = "SingleChoice", options = new[] { "a", "A " } }))
            .AssertValidationErrorAsync("options");
        (await secretariat.PostAsJsonAsync(path, new { code = "L1", text = "Q?", tier = "Open", type = "Text" })).EnsureSuccessStatusCode();
        await (await secretariat.PostAsJsonAsync(path, new { code = "l1", text = "Q?", tier = "Open", type = "Text" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task MaxLengthCountsCharactersAsAPersonDoes()
    {
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType);
        var q = await app.QuestionIdsAsync(consultation);
        var respondent = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
        var fifty = string.Concat(Enumerable.Repeat("\U0001F30D", 50)); // 50 globes, 100 UTF-16 units; 3a takes 50

        (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = fifty }])).EnsureSuccessStatusCode();
        var (_, etag) = await respondent.Client.ReadSubmissionAsync(consultation);
        await (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = fifty + "!" }], etag))
            .AssertValidationErrorAsync("answers[0].text");
    }

    [Fact]
    public async Task ARespondentSeesQuestionsNumberedWithoutGaps()
    {
        var consultation = await app.CreateConsultationAsync();
        var stakeholder = await app.AsRespondentAsync(RespondentCategory.Stakeholder);

        var questionnaire = await (await stakeholder.Client.GetAsync($"/api/consultations/{consultation}/questionnaire")).ReadAsAsync<QuestionnaireResponse>();

        Assert.Equal([1], questionnaire.Questions.Select(q => q.Order));
    }

    [Fact]
    public async Task TheFrameworksOwnRefusalsSayWhatToDo()
    {
        using var client = app.CreateHttpsClient();

        var missing = await (await client.GetAsync("/api/no-such-thing")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("/api/no-such-thing", missing.GetProperty("detail").GetString());
        var secretariat = await app.AsSecretariatAsync();
        var wrongType = await (await secretariat.PostAsync("/api/consultations", new StringContent("title=x", System.Text.Encoding.UTF8, "text/plain")))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Type: application/json", wrongType.GetProperty("detail").GetString());
    }
}
