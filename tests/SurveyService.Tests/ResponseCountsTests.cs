using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Data;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>GET …/responses: how many entities of each eligible category have submitted or only saved a draft, against how many could answer.</summary>
public sealed class ResponseCountsTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Fact]
    public async Task StaffReadResponsesByCategoryAgainstTheEntitiesThatCouldAnswer()
    {
        var id = await app.CreateConsultationAsync();
        var q = await app.QuestionIdsAsync(id);
        var submitting = await app.AsRespondentAsync(RespondentCategory.MemberState);
        (await submitting.Client.SaveAsync(id, [new { questionId = q["1a"], text = "Submitted." }])).EnsureSuccessStatusCode();
        var submitted = (await submitting.Client.SubmitAsync(id)).EnsureSuccessStatusCode();
        // Amended after the submit: still counted as submitted, not as a draft.
        (await submitting.Client.SaveAsync(id, [new { questionId = q["1a"], text = "Amended." }], submitted.Headers.ETag!.Tag)).EnsureSuccessStatusCode();
        var drafting = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
        (await drafting.Client.SaveAsync(id, [new { questionId = q["3a"], text = "Only a draft." }])).EnsureSuccessStatusCode();
        Dictionary<RespondentCategory, int> entities;
        using (var scope = app.Services.CreateScope())
            entities = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Entities.GroupBy(e => e.Category)
                .ToDictionaryAsync(g => g.Key, g => g.Count());

        foreach (var staff in new[] { await app.AsSecretariatAsync(), await app.AsAnalystAsync() })
        {
            var counts = await staff.GetFromJsonAsync<JsonNode>($"/api/consultations/{id}/responses");
            var byCategory = counts!["byCategory"]!;
            Assert.Equal(1, (int)byCategory["MemberState"]!["submitted"]!);
            Assert.Equal(0, (int)byCategory["MemberState"]!["drafts"]!);
            Assert.Equal(entities[RespondentCategory.MemberState], (int)byCategory["MemberState"]!["eligibleEntities"]!);
            Assert.Equal(0, (int)byCategory["Stakeholder"]!["submitted"]!);
            Assert.Equal(1, (int)byCategory["Stakeholder"]!["drafts"]!);
            Assert.Equal(entities[RespondentCategory.Stakeholder], (int)byCategory["Stakeholder"]!["eligibleEntities"]!);
            Assert.Equal(1, (int)counts["submitted"]!);
            Assert.Equal(1, (int)counts["drafts"]!);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await submitting.Client.GetAsync($"/api/consultations/{id}/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.AsSecretariatAsync()).GetAsync($"/api/consultations/{Guid.NewGuid()}/responses")).StatusCode);
    }
}
