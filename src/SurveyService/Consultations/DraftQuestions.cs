using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

/// <summary>
/// What every change to a consultation's questions checks first: the consultation exists and is
/// still a draft (respondents answer the questions as published), and a code is not another question's.
/// </summary>
internal static class DraftQuestions
{
    /// <summary>Why the consultation's questions cannot change now, or null when they can.</summary>
    public static async Task<ConsultationRefusal?> RefusalAsync(SurveyDbContext db, Guid consultationId)
    {
        var publishedAt = await db.Consultations.Where(c => c.Id == consultationId).Select(c => new { c.PublishedAt }).FirstOrDefaultAsync();
        if (publishedAt is null)
            return new ConsultationRefusal.NotFound(consultationId);
        return publishedAt.PublishedAt is { } at ? new ConsultationRefusal.QuestionsFrozen(at) : null;
    }

    /// <summary>Whether another question of the consultation has the code; codes are compared as a person reads them ("L1" is "l1").</summary>
    public static Task<bool> CodeTakenAsync(SurveyDbContext db, Guid consultationId, string code, Guid? except = null)
    {
        var lower = code.ToLowerInvariant();
        return db.Questions.AnyAsync(q => q.ConsultationId == consultationId && q.Id != except && q.Code.ToLower() == lower);
    }

    /// <summary>The questions' codes in their order, as the trail keeps an order: "1a, 1b, 2a".</summary>
    public static string Codes(IEnumerable<Question> inOrder) => string.Join(", ", inOrder.Select(q => q.Code));
}
