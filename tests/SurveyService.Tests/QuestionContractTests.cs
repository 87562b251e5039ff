using SurveyService.Consultations;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>What a question's fields mean when they do not apply to its type.</summary>
public sealed class QuestionContractTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Theory]
    [InlineData("SingleChoice", 0)]
    [InlineData("Scale", 0)]
    [InlineData("MultipleChoice", null)]
    public async Task MaxLengthZeroOrNullOnAQuestionThatIsNotTextIsAcceptedAndIgnored(string type, int? maxLength)
    {
        var secretariat = await app.AsSecretariatAsync();
        var draft = await (await secretariat.PostAsJsonAsync("/api/consultations", app.Draft())).ReadAsAsync<ConsultationResponse>(HttpStatusCode.Created);
        string[] options = type == "Scale" ? [] : ["Yes", "No"];

        var added = await secretariat.PostAsJsonAsync($"/api/consultations/{draft.Id}/questions",
            new { code = "q1", text = "Q?", tier = "Open", type, options, maxLength });

        var question = await added.ReadAsAsync<QuestionResponse>(HttpStatusCode.Created);
        Assert.Null(question.MaxLength);
    }

    [Fact]
    public async Task MaxLengthOnAQuestionThatIsNotTextIsStillRefused()
    {
        var secretariat = await app.AsSecretariatAsync();
        var draft = await (await secretariat.PostAsJsonAsync("/api/consultations", app.Draft())).ReadAsAsync<ConsultationResponse>(HttpStatusCode.Created);

        await (await secretariat.PostAsJsonAsync($"/api/consultations/{draft.Id}/questions",
            new { code = "q1", text = "Q?", tier = "Open", type = "SingleChoice", options = new[] { "Yes", "No" }, maxLength = 200 }))
            .AssertValidationErrorAsync("maxLength");
    }
}
