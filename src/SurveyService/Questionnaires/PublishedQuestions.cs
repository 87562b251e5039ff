using Microsoft.Extensions.Caching.Memory;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;

namespace SurveyService.Questionnaires;

/// <summary>
/// A consultation's questions by id, as every save and submit checks answers against them.
/// Publishing freezes them (no route adds, changes or removes a question afterwards), so a
/// published consultation's questions are read once and kept; a draft's are always read afresh.
/// </summary>
internal sealed class PublishedQuestions(IMemoryCache cache)
{
    private static readonly TimeSpan KeptUnused = TimeSpan.FromMinutes(30);

    public Task<IReadOnlyDictionary<Guid, Question>> ForAsync(SurveyDbContext db, ConsultationSchedule consultation) =>
        consultation.PublishedAt is null
            ? ReadAsync(db, consultation.Id)
            : cache.GetOrCreateAsync((typeof(PublishedQuestions), consultation.Id), entry =>
            {
                entry.SlidingExpiration = KeptUnused;
                return ReadAsync(db, consultation.Id);
            })!;

    private static async Task<IReadOnlyDictionary<Guid, Question>> ReadAsync(SurveyDbContext db, Guid consultationId) =>
        await db.Questions.AsNoTracking().Where(q => q.ConsultationId == consultationId).ToDictionaryAsync(q => q.Id);
}
