using SurveyService.Accounts;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>The tier rule, enforced on the server: each category sees exactly the tiers admitting it.</summary>
public sealed class QuestionnaireTierTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Theory]
    [InlineData(RespondentCategory.MemberState, new[] { "1a", "2a", "3a" })]
    [InlineData(RespondentCategory.SectorMember, new[] { "2a", "3a" })]
    [InlineData(RespondentCategory.Associate, new[] { "2a", "3a" })]
    [InlineData(RespondentCategory.Academia, new[] { "2a", "3a" })]
    [InlineData(RespondentCategory.Stakeholder, new[] { "3a" })]
    public async Task EachCategorySeesExactlyItsTiers(RespondentCategory category, string[] expected)
    {
        var consultation = await app.CreateConsultationAsync();
        var respondent = await app.AsRespondentAsync(category);

        Assert.Equal(expected, await respondent.Client.QuestionCodesAsync(consultation));
    }

    [Fact]
    public async Task StaffSeeEveryQuestion()
    {
        var consultation = await app.CreateConsultationAsync();
        var analyst = await app.AsAnalystAsync();

        Assert.Equal(["1a", "2a", "3a"], await analyst.QuestionCodesAsync(consultation));
        Assert.Equal(["1a", "2a", "3a"], await (await app.AsSecretariatAsync()).QuestionCodesAsync(consultation));
    }

    [Fact]
    public async Task SelfRegisteredStakeholderSeesOnlyOpenQuestions()
    {
        var consultation = await app.CreateConsultationAsync();
        var email = $"reg-{Guid.NewGuid():N}@test.example.org";
        using var anonymous = app.CreateHttpsClient();
        await (await anonymous.PostAsJsonAsync("/api/registrations", new
        {
            email, password = SurveyApplication.Password, displayName = "A person", organization = "An NGO",
            stakeholderGroup = "Civil society", country = "ke", category = "MemberState",
        })).ReadAsAsync<AccountResponse>(HttpStatusCode.Created);

        var stakeholder = await app.SignInAsync(email);

        Assert.Equal(["3a"], await stakeholder.QuestionCodesAsync(consultation));
    }

    [Fact]
    public async Task CategoryNotEligibleForTheConsultationIsRefused()
    {
        var consultation = await app.CreateConsultationAsync(draft: app.Draft(eligible: ["MemberState", "SectorMember"]));
        var stakeholder = await app.AsRespondentAsync(RespondentCategory.Stakeholder);

        var problem = await (await stakeholder.Client.GetAsync($"/api/consultations/{consultation}/questionnaire"))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("not eligible", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task QuestionnaireNeedsAToken()
    {
        var consultation = await app.CreateConsultationAsync();
        using var anonymous = app.CreateHttpsClient();

        await (await anonymous.GetAsync($"/api/consultations/{consultation}/questionnaire")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
