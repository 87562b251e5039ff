using SurveyService.Analysis;
using SurveyService.Analysis.Themes;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Analysts name themes for a consultation's text answers, tag answers with several, and the next
/// compile counts each theme by category, unweighted and weighted, as it counts options.
/// </summary>
public sealed class ThemeTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Fact]
    public async Task ThemesAreNamedOncePutOnTextAnswersOnlyAndCountedByCategoryUnweightedAndWeightedAtTheNextCompile()
    {
        // Member States weigh 1 and Stakeholders 0.25 (the setup's weights); one Member State and three Stakeholders answer 3a.
        var id = await app.CreateConsultationAsync();
        var q = await app.QuestionIdsAsync(id);
        foreach (var (category, text) in new[] { (RespondentCategory.MemberState, "spectrum"), (RespondentCategory.Stakeholder, "spectrum and skills"),
                     (RespondentCategory.Stakeholder, "skills"), (RespondentCategory.Stakeholder, "nothing to add") })
        {
            var respondent = await app.AsRespondentAsync(category);
            // Tier ii (2a, a choice) is the Member State's alone to answer.
            object[] given = category == RespondentCategory.MemberState
                ? [new { questionId = q["3a"], text }, new { questionId = q["2a"], choices = new[] { "Yes" } }]
                : [new { questionId = q["3a"], text }];
            (await respondent.Client.SaveAsync(id, given)).EnsureSuccessStatusCode();
            (await respondent.Client.SubmitAsync(id)).EnsureSuccessStatusCode();
        }
        await (await (await app.AsSecretariatAsync()).PostAsync($"/api/consultations/{id}/close", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(id);

        var spectrum = await (await analyst.PostAsJsonAsync($"/api/consultations/{id}/themes", new { name = " Spectrum " })).ReadAsAsync<ThemeResponse>(HttpStatusCode.Created);
        Assert.Equal("Spectrum", spectrum.Name);
        var skills = await (await analyst.PostAsJsonAsync($"/api/consultations/{id}/themes", new { name = "Skills" })).ReadAsAsync<ThemeResponse>(HttpStatusCode.Created);
        await (await analyst.PostAsJsonAsync($"/api/consultations/{id}/themes", new { name = "SPECTRUM" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await analyst.PostAsJsonAsync($"/api/consultations/{id}/themes", new { name = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);

        var answers = (await (await analyst.GetAsync($"/api/consultations/{id}/answers?pageSize=500")).ReadAsAsync<AnswerPage>()).Items;
        Guid Text(string text) => answers.Single(a => a.Text == text).Id;
        foreach (var (answer, theme) in new[] { (Text("spectrum"), spectrum.Id), (Text("spectrum and skills"), spectrum.Id),
                     (Text("spectrum and skills"), skills.Id), (Text("skills"), skills.Id), (Text("skills"), skills.Id) })
            Assert.Equal(HttpStatusCode.NoContent, (await analyst.PutAsync($"/api/consultations/{id}/answers/{answer}/themes/{theme}", null)).StatusCode);
        var choice = answers.First(a => a.QuestionCode == "2a").Id;
        await (await analyst.PutAsync($"/api/consultations/{id}/answers/{choice}/themes/{spectrum.Id}", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await analyst.PutAsync($"/api/consultations/{id}/answers/{Guid.NewGuid()}/themes/{spectrum.Id}", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await analyst.PutAsync($"/api/consultations/{id}/answers/{Text("skills")}/themes/{Guid.NewGuid()}", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        var listed = await (await analyst.GetAsync($"/api/consultations/{id}/themes")).ReadAsAsync<ThemeListItem[]>();
        Assert.Equal([("Skills", 2), ("Spectrum", 2)], listed.Select(t => (t.Name, t.Answers)));

        await (await analyst.PostAsync($"/api/consultations/{id}/analysis", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        await analyst.WaitForAnalysisAsync(id);
        await analyst.WaitForAnalysisAsync(id);
        var summary = await (await analyst.GetAsync($"/api/consultations/{id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        var themes = summary.Questions.Single(s => s.Code == "3a").Themes!;
        Assert.Equal(["Skills", "Spectrum"], themes.Select(t => t.Option));
        // Spectrum: the Member State (1) and one Stakeholder (0.25) of four answers weighing 1.75.
        Assert.Equal((2, 0.5, 0.7143), (themes[1].Count, themes[1].Share, themes[1].WeightedShare));
        Assert.Equal(new Dictionary<RespondentCategory, int> { [RespondentCategory.MemberState] = 1, [RespondentCategory.Stakeholder] = 1 }, themes[1].ByCategory);
        // Skills: two Stakeholders, 0.5 of 1.75.
        Assert.Equal((2, 0.5, 0.2857), (themes[0].Count, themes[0].Share, themes[0].WeightedShare));
        Assert.Empty(summary.Questions.Single(s => s.Code == "2a").Themes!);

        // Untagging and removing: what is taken off no longer counts.
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/consultations/{id}/answers/{Text("skills")}/themes/{skills.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/consultations/{id}/themes/{spectrum.Id}")).StatusCode);
        await (await analyst.DeleteAsync($"/api/consultations/{id}/themes/{spectrum.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([("Skills", 1)], (await (await analyst.GetAsync($"/api/consultations/{id}/themes")).ReadAsAsync<ThemeListItem[]>()).Select(t => (t.Name, t.Answers)));
    }

    [Fact]
    public async Task OnlyAnalystsNameAndTagThemes()
    {
        var id = await app.CreateConsultationAsync();
        var secretariat = await app.AsSecretariatAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        foreach (var client in new[] { secretariat, respondent.Client })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/consultations/{id}/themes", new { name = "Spectrum" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/consultations/{id}/themes")).StatusCode);
        }
        var analyst = await app.AsAnalystAsync();
        await (await analyst.GetAsync($"/api/consultations/{Guid.NewGuid()}/themes")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await analyst.PostAsJsonAsync($"/api/consultations/{Guid.NewGuid()}/themes", new { name = "Spectrum" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
