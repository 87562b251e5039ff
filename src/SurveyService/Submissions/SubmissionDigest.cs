using System.Security.Cryptography;
using System.Text.Json;
using SurveyService.Data.Submissions;

namespace SurveyService.Submissions;

/// <summary>
/// The receipt's digest: SHA-256 over a canonical JSON of what was submitted (consultation,
/// entity, version, time, and the answers ordered by question id), so a respondent holding the
/// receipt can show exactly what they sent and the Secretariat can recompute it.
/// </summary>
internal static class SubmissionDigest
{
    public static string Compute(Guid consultationId, Guid entityId, int number, DateTime submittedAt, IEnumerable<SubmittedAnswer> answers)
    {
        var canonical = new
        {
            consultationId,
            entityId,
            version = number,
            submittedAt = submittedAt.ToString("O"),
            answers = answers.OrderBy(a => a.QuestionId).Select(a => new { questionId = a.QuestionId, text = a.Text, choices = a.Choices, value = a.Value }),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
