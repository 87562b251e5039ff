using System.Text.Json;

namespace SurveyService.Tests.Infrastructure;

public sealed record TokenResponse(HttpStatusCode Status, string? AccessToken, string? RefreshToken, string? Error, string? ErrorDescription, HttpResponseMessage Response)
{
    public bool Succeeded => Status == HttpStatusCode.OK && AccessToken is not null;

    public static async Task<TokenResponse> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        string? Read(string name)
        {
            if (string.IsNullOrEmpty(body) || !body.TrimStart().StartsWith('{'))
                return null;
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        }
        return new(response.StatusCode, Read("access_token"), Read("refresh_token"), Read("error"), Read("error_description"), response);
    }
}
