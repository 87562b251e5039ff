using SurveyService.Consultations;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

public sealed class ConsultationAuthoringTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Fact]
    public async Task NewConsultationStartsAsADraftWithDefaultWeightsForUnnamedCategories()
    {
        var secretariat = await app.AsSecretariatAsync();

        var response = await secretariat.PostAsJsonAsync("/api/consultations", app.Draft(weights: new { MemberState = 2.0, Stakeholder = 0.5 }));
        var created = await response.ReadAsAsync<ConsultationResponse>(HttpStatusCode.Created);

        Assert.Equal(ConsultationStatus.Draft, created.Status);
        Assert.Equal($"/api/consultations/{created.Id}", response.Headers.Location?.AbsolutePath);
        var weights = created.Weights;
        Assert.Equal(2.0m, weights[RespondentCategory.MemberState]);
        Assert.Equal(0.5m, weights[RespondentCategory.Stakeholder]);
        Assert.Equal(1.0m, weights[RespondentCategory.Academia]);
        Assert.Equal(5, created.EligibleCategories.Length);
    }

    [Fact]
    public async Task DraftsAreInvisibleToRespondentsAndListedForStaff()
    {
        var draft = await app.CreateConsultationAsync(publish: false);
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        using var anonymous = app.CreateHttpsClient();

        await (await respondent.Client.GetAsync($"/api/consultations/{draft}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await respondent.Client.GetAsync($"/api/consultations/{draft}/questionnaire")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/consultations/{draft}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(draft, await Ids(respondent.Client));
        Assert.Contains(draft, await Ids(await app.AsSecretariatAsync()));
        Assert.Contains(draft, await Ids(await app.AsAnalystAsync()));
    }

    [Fact]
    public async Task PublishedConsultationIsOpenToEveryoneAndItsQuestionsAreFrozen()
    {
        var consultation = await app.CreateConsultationAsync();
        var secretariat = await app.AsSecretariatAsync();
        using var anonymous = app.CreateHttpsClient();

        var read = await (await anonymous.GetAsync($"/api/consultations/{consultation}")).ReadAsAsync<ConsultationResponse>();
        Assert.Equal(ConsultationStatus.Open, read.Status);
        // Anonymous callers count only what is open to everyone; staff count every question.
        Assert.Equal(1, read.QuestionCount);
        Assert.Equal(3, (await (await secretariat.GetAsync($"/api/consultations/{consultation}")).ReadAsAsync<ConsultationResponse>()).QuestionCount);

        var problem = await (await secretariat.PostAsJsonAsync($"/api/consultations/{consultation}/questions",
            new { code = "4a", text = "Late question?", tier = "Open", type = "Text" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("frozen", problem.GetProperty("detail").GetString());
        await (await secretariat.PostAsync($"/api/consultations/{consultation}/publish", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.PatchAsJsonAsync($"/api/consultations/{consultation}", new { eligibleCategories = new[] { "MemberState" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ConsultationOpeningLaterIsScheduledUntilItsOpeningTime()
    {
        // Time only moves forward, so tests that move it have an application of their own.
        await using var app = new SurveyApplication();
        var now = app.Clock.GetUtcNow();
        var draft = new { title = "Later", opensAt = now.AddDays(2), closesAt = now.AddDays(20) };
        var consultation = await app.CreateConsultationAsync(draft: draft);
        using var anonymous = app.CreateHttpsClient();

        Assert.Equal(ConsultationStatus.Scheduled, (await (await anonymous.GetAsync($"/api/consultations/{consultation}")).ReadAsAsync<ConsultationResponse>()).Status);
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(ConsultationStatus.Open, (await (await anonymous.GetAsync($"/api/consultations/{consultation}")).ReadAsAsync<ConsultationResponse>()).Status);
    }

    [Fact]
    public async Task ExtendingTheDeadlineMovesClosesAt()
    {
        var consultation = await app.CreateConsultationAsync();
        var secretariat = await app.AsSecretariatAsync();
        var extended = app.Clock.GetUtcNow().AddDays(40);

        var updated = await (await secretariat.PatchAsJsonAsync($"/api/consultations/{consultation}", new { closesAt = extended, reason = "Asked by members" })).ReadAsAsync<ConsultationResponse>();

        Assert.Equal(extended, updated.ClosesAt);
        await (await secretariat.PatchAsJsonAsync($"/api/consultations/{consultation}", new { closesAt = app.Clock.GetUtcNow().AddMinutes(-1) }))
            .AssertValidationErrorAsync("closesAt");
    }

    [Fact]
    public async Task ClosedConsultationCannotBeRescheduled()
    {
        await using var app = new SurveyApplication();
        var consultation = await app.CreateConsultationAsync();
        app.Clock.Advance(TimeSpan.FromDays(15));
        var secretariat = await app.AsSecretariatAsync();

        var read = await (await secretariat.GetAsync($"/api/consultations/{consultation}")).ReadAsAsync<ConsultationResponse>();
        Assert.Equal(ConsultationStatus.Closed, read.Status);
        await (await secretariat.PatchAsJsonAsync($"/api/consultations/{consultation}", new { closesAt = app.Clock.GetUtcNow().AddDays(5) }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PublishingWithoutQuestionsIsAConflict()
    {
        var consultation = await app.CreateConsultationAsync(questions: [], publish: false);
        var secretariat = await app.AsSecretariatAsync();

        await (await secretariat.PostAsync($"/api/consultations/{consultation}/publish", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    public static TheoryData<string, object> BadConsultations => new()
    {
        { "closesAt", new { title = "T", opensAt = "2027-02-01T00:00:00Z", closesAt = "2027-01-01T00:00:00Z" } },
        { "closesAt", new { title = "T", opensAt = "2027-02-01T00:00:00Z", closesAt = "2027-02-01T00:00:00Z" } },
        { "title", new { title = "", opensAt = "2027-01-01T00:00:00Z", closesAt = "2027-02-01T00:00:00Z" } },
        { "opensAt", new { title = "T", closesAt = "2027-02-01T00:00:00Z" } },
        { "opensAt", new { title = "T", opensAt = "next tuesday", closesAt = "2027-02-01T00:00:00Z" } },
        { "eligibleCategories", new { title = "T", opensAt = "2027-01-01T00:00:00Z", closesAt = "2027-02-01T00:00:00Z", eligibleCategories = Array.Empty<string>() } },
        { "eligibleCategories[1]", new { title = "T", opensAt = "2027-01-01T00:00:00Z", closesAt = "2027-02-01T00:00:00Z", eligibleCategories = new[] { "MemberState", "Martian" } } },
        { "weights.Stakeholder", new { title = "T", opensAt = "2027-01-01T00:00:00Z", closesAt = "2027-02-01T00:00:00Z", weights = new { Stakeholder = 0 } } },
        { "weights.Associate", new { title = "T", opensAt = "2027-01-01T00:00:00Z", closesAt = "2027-02-01T00:00:00Z", weights = new { Associate = -1 } } },
        { "weights.Martian", new { title = "T", opensAt = "2027-01-01T00:00:00Z", closesAt = "2027-02-01T00:00:00Z", weights = new { Martian = 1 } } },
    };

    [Theory]
    [MemberData(nameof(BadConsultations))]
    public async Task BadConsultationIsRefusedWithAFieldError(string field, object body)
    {
        var secretariat = await app.AsSecretariatAsync();

        await (await secretariat.PostAsJsonAsync("/api/consultations", body)).AssertValidationErrorAsync(field);
    }

    public static TheoryData<string, object> BadQuestions => new()
    {
        { "tier", new { code = "q", text = "Q?", tier = "Everyone", type = "Text" } },
        { "tier", new { code = "q", text = "Q?", type = "Text" } },
        { "type", new { code = "q", text = "Q?", tier = "Open", type = "Essay" } },
        { "options", new { code = "q", text = "Q?", tier = "Open", type = "SingleChoice" } },
        { "options", new { code = "q", text = "Q?", tier = "Open", type = "MultipleChoice", options = new[] { "Only one" } } },
        { "options", new { code = "q", text = "Q?", tier = "Open", type = "SingleChoice", options = new[] { "Yes", "Yes" } } },
        { "options", new { code = "q", text = "Q?", tier = "Open", type = "Text", options = new[] { "Yes", "No" } } },
        { "scaleMax", new { code = "q", text = "Q?", tier = "Open", type = "Scale", scaleMin = 5, scaleMax = 1 } },
        { "maxLength", new { code = "q", text = "Q?", tier = "Open", type = "Text", maxLength = 0 } },
        { "code", new { code = "", text = "Q?", tier = "Open", type = "Text" } },
        { "text", new { code = "q", tier = "Open", type = "Text" } },
    };

    [Theory]
    [MemberData(nameof(BadQuestions))]
    public async Task BadQuestionIsRefusedWithAFieldError(string field, object body)
    {
        var consultation = await app.CreateConsultationAsync(questions: [], publish: false);
        var secretariat = await app.AsSecretariatAsync();

        await (await secretariat.PostAsJsonAsync($"/api/consultations/{consultation}/questions", body)).AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task DuplicateQuestionCodeIsAConflict()
    {
        var consultation = await app.CreateConsultationAsync(publish: false);
        var secretariat = await app.AsSecretariatAsync();

        await (await secretariat.PostAsJsonAsync($"/api/consultations/{consultation}/questions",
            new { code = "3a", text = "Again?", tier = "Open", type = "Text" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ScaleQuestionDefaultsToOneToFive()
    {
        var consultation = await app.CreateConsultationAsync(questions: [], publish: false);
        var secretariat = await app.AsSecretariatAsync();

        var question = await (await secretariat.PostAsJsonAsync($"/api/consultations/{consultation}/questions",
            new { code = "s", text = "How useful?", tier = "Open", type = "Scale" })).ReadAsAsync<QuestionResponse>(HttpStatusCode.Created);

        Assert.Equal(1, question.ScaleMin);
        Assert.Equal(5, question.ScaleMax);
    }

    private static async Task<Guid[]> Ids(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/consultations")).ReadAsAsync<ConsultationResponse[]>()).Select(c => c.Id)];
}
