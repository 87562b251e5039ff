using SurveyService.Consultations;
using SurveyService.Questionnaires;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>The Development demo a newcomer meets: the WG-Study questionnaire (seed 004, Annex C) open for answers.</summary>
public sealed class DemoTests
{
    private const string DemoPassword = "Demo-Password-2026";

    [Fact]
    public async Task DemoLoadsTheWgStudyQuestionnaireWithAccountsOfEveryCategory()
    {
        await using var app = new SurveyApplication();
        app.Settings["Demo:Enabled"] = "true";
        app.Settings["Demo:Password"] = DemoPassword;
        using var anonymous = app.CreateHttpsClient();

        var consultations = await (await anonymous.GetAsync("/api/consultations")).ReadAsAsync<ConsultationResponse[]>();
        var consultation = Assert.Single(consultations);
        Assert.Equal(ConsultationStatus.Open, consultation.Status);
        var id = consultation.Id;

        var analyst = await app.SignInAsync("analyst@example.org", DemoPassword);
        var questionnaire = await (await analyst.GetAsync($"/api/consultations/{id}/questionnaire")).ReadAsAsync<QuestionnaireResponse>();
        var questions = questionnaire.Questions;
        Assert.Equal(["1a", "1b", "1c", "2a", "2b", "3a", "3b", "3c", "3d", "3e"], questions.Select(q => q.Code));
        Assert.All(questions.Take(3), q => Assert.Equal(QuestionTier.MemberStates, q.Tier));
        Assert.All(questions.Skip(3).Take(2), q => Assert.Equal(QuestionTier.Membership, q.Tier));
        Assert.All(questions.Skip(5), q => Assert.Equal(QuestionTier.Open, q.Tier));
        Assert.StartsWith("What \u201cadded value\u201d might stakeholders", questions[5].Text);

        var state = await app.SignInAsync("focal.ch@example.org", DemoPassword);
        Assert.Equal(10, (await state.QuestionCodesAsync(id)).Length);
        var operatorFocal = await app.SignInAsync("focal.operator@example.org", DemoPassword);
        Assert.Equal(["2a", "2b", "3a", "3b", "3c", "3d", "3e"], await operatorFocal.QuestionCodesAsync(id));
        var ngo = await app.SignInAsync("focal.ngo@example.org", DemoPassword);
        Assert.Equal(["3a", "3b", "3c", "3d", "3e"], await ngo.QuestionCodesAsync(id));
        foreach (var email in new[] { "focal.associate@example.org", "focal.university@example.org" })
            Assert.Equal(7, (await (await app.SignInAsync(email, DemoPassword)).QuestionCodesAsync(id)).Length);
    }

    [Fact]
    public async Task DemoIsNotLoadedUnlessEnabled()
    {
        await using var app = new SurveyApplication();
        using var anonymous = app.CreateHttpsClient();

        Assert.Empty(await (await anonymous.GetAsync("/api/consultations")).ReadAsAsync<ConsultationResponse[]>());
        Assert.False((await app.RequestTokenAsync("analyst@example.org", DemoPassword)).Succeeded);
    }
}
