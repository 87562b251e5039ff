using SurveyService.Accounts;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

public sealed class AccountTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private static object Registration(string email, string password = SurveyApplication.Password) => new
    {
        email, password, displayName = "A person", organization = "Open Networks NGO", stakeholderGroup = "Civil society", country = "KE",
    };

    [Fact]
    public async Task RegistrationCannotChooseACategory()
    {
        using var anonymous = app.CreateHttpsClient();
        var email = $"reg-{Guid.NewGuid():N}@test.example.org";

        var created = await (await anonymous.PostAsJsonAsync("/api/registrations", new
        {
            email, password = SurveyApplication.Password, displayName = "Claims to be a state", organization = "Ministry?",
            category = "MemberState", role = "Secretariat",
        })).ReadAsAsync<AccountResponse>(HttpStatusCode.Created);

        Assert.Equal(RespondentCategory.Stakeholder, created.Category);
        var signedIn = await app.SignInAsync(email);
        // The OpenID Connect userinfo response stays JSON: its claims are the protocol's, and a claim's absence is asserted.
        var info = await (await signedIn.GetAsync("/connect/userinfo")).ReadJsonAsync();
        Assert.Equal("Stakeholder", info.GetProperty("category").GetString());
        Assert.False(info.TryGetProperty("role", out _));
        await (await signedIn.PostAsJsonAsync("/api/entities", new { name = "x", category = "MemberState" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercaseletters1")]
    [InlineData("NoDigitsInThisOne")]
    public async Task WeakPasswordIsRefusedWithTheReason(string password)
    {
        using var anonymous = app.CreateHttpsClient();

        await (await anonymous.PostAsJsonAsync("/api/registrations", Registration($"weak-{Guid.NewGuid():N}@test.example.org", password)))
            .AssertValidationErrorAsync("password");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@at.org")]
    [InlineData("Name <name@example.org>")]
    [InlineData("nodot@localhost")]
    public async Task MalformedEmailIsRefused(string email)
    {
        using var anonymous = app.CreateHttpsClient();

        await (await anonymous.PostAsJsonAsync("/api/registrations", Registration(email))).AssertValidationErrorAsync("email");
    }

    [Fact]
    public async Task DuplicateEmailIsAConflictAndLeavesNoOrphanEntity()
    {
        using var anonymous = app.CreateHttpsClient();
        var email = $"dup-{Guid.NewGuid():N}@test.example.org";
        (await anonymous.PostAsJsonAsync("/api/registrations", Registration(email))).EnsureSuccessStatusCode();
        var secretariat = await app.AsSecretariatAsync();
        var before = (await (await secretariat.GetAsync("/api/entities?category=Stakeholder")).ReadAsAsync<EntityResponse[]>()).Length;

        var problem = await (await anonymous.PostAsJsonAsync("/api/registrations", Registration(email.ToUpperInvariant())))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already exists", problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await (await secretariat.GetAsync("/api/entities?category=Stakeholder")).ReadAsAsync<EntityResponse[]>()).Length);
    }

    [Fact]
    public async Task UnknownCategoryIsRefusedWithTheAllowedNames()
    {
        var secretariat = await app.AsSecretariatAsync();

        var problem = await (await secretariat.PostAsJsonAsync("/api/entities", new { name = "Mars", category = "Martian" }))
            .AssertValidationErrorAsync("category");

        Assert.Contains("MemberState", problem.GetProperty("errors").GetProperty("category")[0].GetString());
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestNotAServerError()
    {
        var secretariat = await app.AsSecretariatAsync();

        await (await secretariat.PostAsync("/api/entities", new StringContent("{\"name\": \"x\",", System.Text.Encoding.UTF8, "application/json")))
            .AssertValidationErrorAsync("body");
    }

    [Fact]
    public async Task SecretariatProvisionsEntitiesFocalPointsAndStaff()
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var analyst = await app.AsAnalystAsync();

        // The OpenID Connect userinfo response stays JSON: its claims are the protocol's, not one of the service's response types.
        var info = await (await respondent.Client.GetAsync("/connect/userinfo")).ReadJsonAsync();
        Assert.Equal("MemberState", info.GetProperty("category").GetString());
        var analystInfo = await (await analyst.GetAsync("/connect/userinfo")).ReadJsonAsync();
        Assert.Equal("Analyst", analystInfo.GetProperty("role").GetString());
    }

    [Fact]
    public async Task FocalPointForAnUnknownEntityIsNotFound()
    {
        var secretariat = await app.AsSecretariatAsync();

        await (await secretariat.PostAsJsonAsync($"/api/entities/{Guid.NewGuid()}/accounts",
            new { email = $"x-{Guid.NewGuid():N}@test.example.org", displayName = "X", password = SurveyApplication.Password }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/api/entities")]
    [InlineData("GET", "/api/entities")]
    [InlineData("POST", "/api/staff")]
    [InlineData("POST", "/api/consultations")]
    public async Task RespondentsAndAnalystsCannotCallSecretariatRoutes(string method, string path)
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var analyst = await app.AsAnalystAsync();
        using var anonymous = app.CreateHttpsClient();

        foreach (var (client, status) in new[] { (respondent.Client, HttpStatusCode.Forbidden), (analyst, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Unauthorized) })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
            await (await client.SendAsync(request)).AssertProblemAsync(status);
        }
    }

    [Fact]
    public async Task StaffNeedsAKnownRole()
    {
        var secretariat = await app.AsSecretariatAsync();

        await (await secretariat.PostAsJsonAsync("/api/staff", new { email = $"s-{Guid.NewGuid():N}@test.example.org", displayName = "S", password = SurveyApplication.Password }))
            .AssertValidationErrorAsync("role");
        await (await secretariat.PostAsJsonAsync("/api/staff", new { email = $"s-{Guid.NewGuid():N}@test.example.org", displayName = "S", password = SurveyApplication.Password, role = "Boss" }))
            .AssertValidationErrorAsync("role");
    }
}
