using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SurveyService.LoadTest;

/// <summary>A respondent ready for the rush: signed in, with the save body already serialized.</summary>
internal sealed record Respondent(int Index, RespondentCategory Category, string AccessToken, byte[] SaveBody);

/// <summary>A focal point provisioned for the benchmark and not signed in yet: the portal comparison signs it in through both doors.</summary>
internal sealed record FocalPoint(int Index, RespondentCategory Category, string Email);

/// <summary>The benchmark's consultation as the service created it.</summary>
internal sealed record BenchmarkConsultation(Guid Id, IReadOnlyDictionary<string, Guid> QuestionIds);

/// <summary>
/// The untimed setup, through the public API only: the Secretariat creates and publishes a
/// consultation, provisions one entity and one focal point per respondent, and each focal point
/// signs in at the real token endpoint.
/// </summary>
internal sealed class ServiceClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Meets the service's password policy (10+ characters, digit, upper and lower case).</summary>
    public const string RespondentPassword = "Rush-Password-2026";

    public HttpClient Http => http;

    public async Task<string> SignInAsync(string email, string password)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "survey-cli",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = "openid offline_access survey",
        }));
        var body = await Expect(response, "sign in " + email);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<BenchmarkConsultation> CreateConsultationAsync(string secretariatToken, string tag)
    {
        var now = DateTimeOffset.UtcNow;
        var created = await PostAsync(secretariatToken, "/api/consultations", new
        {
            title = $"Deadline rush {tag}",
            description = "Created by SurveyService.LoadTest.",
            opensAt = now.AddMinutes(-5),
            closesAt = now.AddDays(7),
        });
        var id = created.GetProperty("id").GetGuid();
        var questionIds = new Dictionary<string, Guid>();
        foreach (var q in Questionnaire.Questions)
        {
            var question = await PostAsync(secretariatToken, $"/api/consultations/{id}/questions", new
            {
                code = q.Code,
                text = $"Question {q.Code} of the load test?",
                tier = q.Tier,
                type = q.Type,
                options = q.Options,
                required = q.Required,
                maxLength = q.MaxLength,
            });
            questionIds[q.Code] = question.GetProperty("id").GetGuid();
        }
        await PostAsync(secretariatToken, $"/api/consultations/{id}/publish", null);
        return new BenchmarkConsultation(id, questionIds);
    }

    /// <summary>Entity, focal point, sign-in: three requests, two of them hashing a password on the server.</summary>
    public async Task<Respondent> ProvisionAsync(string secretariatToken, BenchmarkConsultation consultation, string tag, int index)
    {
        var focalPoint = await CreateFocalPointAsync(secretariatToken, tag, index);
        var token = await SignInAsync(focalPoint.Email, RespondentPassword);
        return new Respondent(index, focalPoint.Category, token, SaveBodyFor(consultation, focalPoint.Category, index));
    }

    /// <summary>An entity of the index's category and its focal point, with the respondents' password.</summary>
    public async Task<FocalPoint> CreateFocalPointAsync(string secretariatToken, string tag, int index)
    {
        var category = Questionnaire.CategoryOf(index);
        var entity = await PostAsync(secretariatToken, "/api/entities", new
        {
            name = $"Rush {tag} entity {index}",
            category,
            countryCode = category == RespondentCategory.MemberState ? "CH" : null,
        });
        var email = $"rush-{tag}-{index}@loadtest.example.org";
        await PostAsync(secretariatToken, $"/api/entities/{entity.GetProperty("id").GetGuid()}/accounts", new
        {
            email,
            displayName = $"Focal point {index}",
            password = RespondentPassword,
        });
        return new FocalPoint(index, category, email);
    }

    /// <summary>Serialized in setup, so the measured phase spends no client time on JSON.</summary>
    public byte[] SaveBodyFor(BenchmarkConsultation consultation, RespondentCategory category, int index)
    {
        var answers = Questionnaire.AnswersFor(category, index).Select(a => new
        {
            questionId = consultation.QuestionIds[a.Code],
            text = a.Text,
            choices = a.Choices,
            value = a.Value,
        });
        return JsonSerializer.SerializeToUtf8Bytes(new { answers }, Json);
    }

    private async Task<JsonElement> PostAsync(string token, string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await Expect(response, $"POST {path}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> Expect(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Setup failed: {what} answered {(int)response.StatusCode}: {Truncate(text)}");
        return text;
    }

    public static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
