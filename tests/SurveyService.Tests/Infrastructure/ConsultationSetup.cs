using SurveyService.Consultations;
using SurveyService.Questionnaires;

namespace SurveyService.Tests.Infrastructure;

public sealed record QuestionSpec(string Code, string Tier, string Type = "Text", string[]? Options = null, bool Required = false, int? MaxLength = null);

public static class ConsultationSetup
{
    /// <summary>One question of each tier: codes 1a (MemberStates), 2a (Membership), 3a (Open).</summary>
    public static readonly QuestionSpec[] OnePerTier =
    [
        new("1a", "MemberStates"),
        new("2a", "Membership", "SingleChoice", ["Yes", "No"]),
        new("3a", "Open"),
    ];

    public static object Draft(this SurveyApplication app, string title = "Consultation", object? weights = null, string[]? eligible = null)
    {
        var now = app.Clock.GetUtcNow();
        return new
        {
            title,
            description = "For tests.",
            opensAt = now.AddMinutes(-5),
            closesAt = now.AddDays(14),
            eligibleCategories = eligible,
            weights = weights ?? new Dictionary<string, decimal> { ["MemberState"] = 1m, ["Stakeholder"] = 0.25m },
        };
    }

    /// <summary>Creates a consultation with the questions through the API; publishes it unless told not to.</summary>
    public static async Task<Guid> CreateConsultationAsync(this SurveyApplication app, QuestionSpec[]? questions = null, bool publish = true,
        object? draft = null)
    {
        var secretariat = await app.AsSecretariatAsync();
        var created = await (await secretariat.PostAsJsonAsync("/api/consultations", draft ?? app.Draft())).ReadAsAsync<ConsultationResponse>(HttpStatusCode.Created);
        var id = created.Id;
        foreach (var q in questions ?? OnePerTier)
        {
            var response = await secretariat.PostAsJsonAsync($"/api/consultations/{id}/questions", new
            {
                code = q.Code,
                text = $"Question {q.Code}?",
                tier = q.Tier,
                type = q.Type,
                options = q.Options ?? [],
                required = q.Required,
                maxLength = q.MaxLength,
            });
            await response.ReadAsAsync<QuestionResponse>(HttpStatusCode.Created);
        }
        if (publish)
            await (await secretariat.PostAsync($"/api/consultations/{id}/publish", null)).ReadAsAsync<ConsultationResponse>();
        return id;
    }

    /// <summary>A questionnaire with every question type and tier: 1a, 2a (Yes/No), 3a (text up to 50), 3b (A/B/C, several), 3c (scale 1-5, required).</summary>
    public static readonly QuestionSpec[] EveryType =
    [
        new("1a", "MemberStates"),
        new("2a", "Membership", "SingleChoice", ["Yes", "No"]),
        new("3a", "Open", MaxLength: 50),
        new("3b", "Open", "MultipleChoice", ["A", "B", "C"]),
        new("3c", "Open", "Scale", Required: true),
    ];

    public static async Task<Dictionary<string, Guid>> QuestionIdsAsync(this SurveyApplication app, Guid consultationId)
    {
        var questionnaire = await (await (await app.AsSecretariatAsync()).GetAsync($"/api/consultations/{consultationId}/questionnaire")).ReadAsAsync<QuestionnaireResponse>();
        return questionnaire.Questions.ToDictionary(q => q.Code, q => q.Id);
    }

    public static async Task<string[]> QuestionCodesAsync(this HttpClient client, Guid consultationId)
    {
        var questionnaire = await (await client.GetAsync($"/api/consultations/{consultationId}/questionnaire")).ReadAsAsync<QuestionnaireResponse>();
        return [.. questionnaire.Questions.Select(q => q.Code)];
    }
}
