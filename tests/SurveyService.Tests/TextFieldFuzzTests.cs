using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Accounts;
using SurveyService.Analysis;
using SurveyService.Analysis.Themes;
using SurveyService.Consultations;
using SurveyService.Submissions;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Every text field of every request body gets control characters and half a surrogate pair, on
/// SQLite and on PostgreSQL (which cannot store a NUL): each is refused with 400 naming the field,
/// never a 500. The fields are found by reflection over the bodies the service's routes accept, so
/// a new field, or a new body, is fuzzed without being listed here. Answers keep what was typed.
/// </summary>
public sealed class TextFieldFuzzTests
{
    /// <summary>As they travel in JSON: escapes. The last is half a surrogate pair, which JSON's grammar allows and Unicode does not.</summary>
    private static readonly string[] Escapes = [@"\u0000", @"\u0001", @"\u001F", @"\u007F", @"\uD800"];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Where a body goes, who sends it, and a body the service accepts, for each request type.</summary>
    private sealed record Sample(HttpMethod Method, string Path, HttpClient Sender, object Body);

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task EveryTypedTextRefusesControlCharactersAndHalfSurrogatesNamingTheField(string provider)
    {
        await using var on = new OnProvider(provider);
        var app = on.App;
        var secretariat = await app.AsSecretariatAsync();
        var analyst = await app.AsAnalystAsync();
        var consultation = await app.CreateConsultationAsync(publish: false);
        var published = await app.CreateConsultationAsync(ConsultationSetup.EveryType);
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var q = await app.QuestionIdsAsync(published);
        (await respondent.Client.SaveAsync(published, [new { questionId = q["3a"], text = "kept" }, new { questionId = q["3c"], value = 3 }]))
            .EnsureSuccessStatusCode();
        (await respondent.Client.SubmitAsync(published)).EnsureSuccessStatusCode();
        var answer = (await (await analyst.GetAsync($"/api/consultations/{published}/answers")).ReadAsAsync<AnswerPage>()).Items[0].Id;
        using var anonymous = app.CreateHttpsClient();
        string Email() => $"fuzz-{Guid.NewGuid():N}@test.example.org";

        var samples = new Dictionary<Type, Func<Sample>>
        {
            [typeof(CreateConsultationRequest)] = () => new(HttpMethod.Post, "/api/consultations", secretariat, app.Draft()),
            [typeof(UpdateConsultationRequest)] = () => new(HttpMethod.Patch, $"/api/consultations/{consultation}", secretariat,
                new { title = "Renamed", description = "Described again." }),
            [typeof(AddQuestionRequest)] = () => new(HttpMethod.Post, $"/api/consultations/{consultation}/questions", secretariat,
                new { code = $"q{Guid.NewGuid():N}"[..12], text = "Agreed?", tier = "Open", type = "SingleChoice", options = new[] { "Yes", "No" } }),
            [typeof(ScreeningRequest)] = () => new(HttpMethod.Put, $"/api/consultations/{published}/answers/{answer}/screening", analyst,
                new { related = false, reason = "Not about the question." }),
            // No text in it (question ids only), so it is listed here but never fuzzed.
            [typeof(ReorderQuestionsRequest)] = () => new(HttpMethod.Put, $"/api/consultations/{consultation}/questions/order", secretariat,
                new { questionIds = Array.Empty<Guid>() }),
            [typeof(ThemeRequest)] = () => new(HttpMethod.Post, $"/api/consultations/{published}/themes", analyst, new { name = $"Theme {Guid.NewGuid():N}" }),
            [typeof(RegistrationRequest)] = () => new(HttpMethod.Post, "/api/registrations", anonymous, new
            {
                email = Email(), password = SurveyApplication.Password, displayName = "Someone", organization = "An organisation",
                stakeholderGroup = "Civil society", country = "CH",
            }),
            [typeof(CreateEntityRequest)] = () => new(HttpMethod.Post, "/api/entities", secretariat,
                new { name = $"Entity {Guid.NewGuid():N}", category = "Academia", countryCode = "CH" }),
            [typeof(CreateFocalPointRequest)] = () => new(HttpMethod.Post, $"/api/entities/{respondent.EntityId}/accounts", secretariat,
                new { email = Email(), displayName = "Focal point", password = SurveyApplication.Password }),
            [typeof(CreateStaffRequest)] = () => new(HttpMethod.Post, "/api/staff", secretariat,
                new { email = Email(), displayName = "Staff", password = SurveyApplication.Password, role = "Analyst" }),
            [typeof(SaveSubmissionRequest)] = () => new(HttpMethod.Put, SubmissionCalls.Path(published), respondent.Client, new { answers = Array.Empty<object>() }),
        };
        var bodies = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType).OfType<Type>().Distinct().OrderBy(t => t.Name);
        Assert.Equal(bodies, samples.Keys.OrderBy(t => t.Name));

        var refused = new HashSet<string>();
        foreach (var (type, sample) in samples)
        {
            var fields = TextFields(type, "").ToArray();
            // Each sample is accepted as it is, so that a refusal below is the fuzzed field's alone.
            if (fields.Length > 0)
                Assert.True((await SendAsync(sample(), null, null)).IsSuccessStatusCode, $"The sample of {type.Name} is refused.");
            foreach (var field in fields)
            {
                foreach (var escape in Escapes)
                {
                    var response = await SendAsync(sample(), field, escape);
                    var said = $"{type.Name}.{field} with {escape}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    Assert.True((int)response.StatusCode < 500, said);
                    // A password is hashed, never stored or shown: any character may be in it, but
                    // half a surrogate pair cannot even be read as text.
                    if (field == "password" && escape != @"\uD800")
                        continue;
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, said);
                    var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
                    var errors = problem.GetProperty("errors");
                    // A list's text is named with its index ("options[0]") when it cannot be read at all.
                    Assert.True(errors.EnumerateObject().Any(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)
                        || e.Name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)), said);
                    if (escape == @"\uD800")
                        Assert.True(problem.GetProperty("detail").GetString()!.Contains("not valid Unicode", StringComparison.Ordinal), said);
                    refused.Add($"{type.Name}.{field}");
                }
            }
        }
        // The reflection found fields of every kind: titles, lists of options, reasons, account fields.
        Assert.Superset(new HashSet<string> { "CreateConsultationRequest.title", "AddQuestionRequest.options", "ScreeningRequest.reason",
            "RegistrationRequest.stakeholderGroup", "CreateEntityRequest.name", "CreateStaffRequest.password" }, refused);
    }

    private static Task<HttpResponseMessage> SendAsync(Sample sample, string? field, string? escape)
    {
        var json = field is null ? JsonSerializer.Serialize(sample.Body, Web) : WithText(sample.Body, field, escape!);
        var request = new HttpRequestMessage(sample.Method, sample.Path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        return sample.Sender.SendAsync(request);
    }

    /// <summary>
    /// The JSON paths of a body's text fields (strings, lists of strings), following nested
    /// objects. Answers are left out: they keep whatever was typed (the test below).
    /// </summary>
    private static IEnumerable<string> TextFields(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(SaveSubmissionRequest) && path == "answers")
                continue;
            if (propertyType == typeof(string) || typeof(IEnumerable<string?>).IsAssignableFrom(propertyType))
                yield return path;
            else if (propertyType.IsArray && propertyType.GetElementType()!.IsClass)
                foreach (var nested in TextFields(propertyType.GetElementType()!, path + "[0]."))
                    yield return nested;
            else if (propertyType.IsClass && !typeof(IEnumerable).IsAssignableFrom(propertyType))
                foreach (var nested in TextFields(propertyType, path + "."))
                    yield return nested;
        }
    }

    /// <summary>The body as JSON with the field's text (or its list's first text) carrying the escape between two letters.</summary>
    private static string WithText(object body, string field, string escape)
    {
        const string marker = "FUZZ-MARK";
        var node = JsonSerializer.SerializeToNode(body, Web)!.AsObject();
        if (field.Contains('.') || field.Contains('['))
            throw new NotSupportedException($"Nested field {field}: give its body a sample that reaches it.");
        node[field] = node[field] is JsonArray list && list.Count > 0
            ? new JsonArray([.. list.Select((item, i) => (JsonNode?)JsonValue.Create(i == 0 ? $"a{marker}b" : item!.GetValue<string>()))])
            : node[field] is JsonArray ? new JsonArray(JsonValue.Create($"a{marker}b")) : JsonValue.Create($"a{marker}b");
        return node.ToJsonString().Replace(marker, escape, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task AnAnswerKeepsEveryControlCharacterItWasTyped(string provider)
    {
        await using var on = new OnProvider(provider);
        var app = on.App;
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType);
        var q = await app.QuestionIdsAsync(consultation);
        var respondent = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
        const string typed = "NUL \u0000 SOH \u0001 US \u001F DEL \u007F and \\u0000 as text";

        var saved = await respondent.Client.SaveAsync(consultation, [new { questionId = q["3a"], text = typed }]);

        Assert.Equal(typed, Assert.Single((await saved.ReadAsAsync<SubmissionResponse>()).Answers).Text);
        var (read, _) = await respondent.Client.ReadSubmissionAsync(consultation);
        Assert.Equal(typed, Assert.Single(read.Answers).Text);
        // Half a surrogate pair is no text at all, in an answer as anywhere: refused, naming the answer.
        var half = new StringContent($$"""{"answers":[{"questionId":"{{q["3a"]}}","text":"half \uD800 a pair"}]}""",
            System.Text.Encoding.UTF8, "application/json");
        var problem = await (await respondent.Client.PutAsync(SubmissionCalls.Path(consultation), half)).AssertValidationErrorAsync("answers[0].text");
        Assert.Contains("not valid Unicode", problem.GetProperty("detail").GetString());
    }

    /// <summary>
    /// The sign-in forms are bodies too: a control character in an address, a password, a client or
    /// a scope is a refused sign-in like any wrong one, never an error (PostgreSQL cannot even look a NUL up).
    /// </summary>
    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ASignInWithAControlCharacterIsRefusedLikeAWrongOne(string provider)
    {
        await using var on = new OnProvider(provider);
        var app = on.App;
        using var anonymous = app.CreateHttpsClient();
        foreach (var c in new[] { "\u0000", "\u0001", "\u001F", "\u007F" }.Select(Regex.Unescape))
        {
            foreach (var (field, value) in new[] { ("username", $"secretariat{c}@test.example.org"), ("password", $"{SurveyApplication.Password}{c}"),
                ("client_id", $"survey-cli{c}"), ("scope", $"openid{c} survey"), ("grant_type", $"password{c}") })
            {
                var form = new Dictionary<string, string>
                {
                    ["grant_type"] = "password", ["client_id"] = "survey-cli", ["username"] = SurveyApplication.SecretariatEmail,
                    ["password"] = SurveyApplication.Password, ["scope"] = "openid survey",
                };
                form[field] = value;
                var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(form));
                var body = await response.Content.ReadAsStringAsync();
                // 401 for a client that is not one (invalid_client), 400 for the rest: OAuth's answers.
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized,
                    $"{field} with U+{(int)c[0]:X4}: {(int)response.StatusCode} {body}");
                Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("error").GetString(),
                    new[] { "invalid_request", "invalid_grant", "invalid_client", "invalid_scope", "unsupported_grant_type" });
            }
            using var browser = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
            foreach (var (field, value) in new[] { ("email", $"secretariat{c}@test.example.org"), ("password", $"{SurveyApplication.Password}{c}") })
            {
                var page = await browser.GetStringAsync("/account/login?returnUrl=/");
                var token = HtmlForms.Hidden(page, "__RequestVerificationToken");
                var form = new Dictionary<string, string>
                {
                    ["email"] = SurveyApplication.SecretariatEmail, ["password"] = SurveyApplication.Password, ["returnUrl"] = "/",
                    ["__RequestVerificationToken"] = token,
                };
                form[field] = value;
                var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(form));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field} with U+{(int)c[0]:X4}: {(int)response.StatusCode} {body}");
                Assert.True(body.Contains("role=\"alert\"", StringComparison.Ordinal), $"{field} with U+{(int)c[0]:X4}: {body}");
            }
        }
    }
}
