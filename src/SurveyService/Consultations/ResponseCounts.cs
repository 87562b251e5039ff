using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

/// <summary>One category on one consultation: the entities that could answer, those with only a draft, and those that have submitted.</summary>
public sealed record CategoryResponses(int EligibleEntities, int Drafts, int Submitted);

/// <summary>A consultation's responses by eligible category (GET …/responses).</summary>
public sealed record ConsultationResponses(Guid ConsultationId, IReadOnlyDictionary<RespondentCategory, CategoryResponses> ByCategory,
    int EligibleEntities, int Drafts, int Submitted);

/// <summary>
/// Responses against the entities that could have answered, per eligible category, for the
/// Secretariat's list and GET …/responses alike: two reads whatever the number of consultations.
/// An entity that submitted and then changed its answers again still counts as submitted.
/// </summary>
internal sealed class ResponseCounts(SurveyDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, ConsultationResponses>> ForAsync(IReadOnlyList<Consultation> consultations)
    {
        var ids = consultations.Select(c => c.Id).ToList();
        var entities = await db.Entities.AsNoTracking().GroupBy(e => e.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Category, g => g.Count);
        var submissions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.ConsultationId))
            .Join(db.Entities, s => s.EntityId, e => e.Id, (s, e) => new { s.ConsultationId, e.Category, Submitted = s.SubmittedAt != null })
            .GroupBy(s => new { s.ConsultationId, s.Category, s.Submitted })
            .Select(g => new { g.Key.ConsultationId, g.Key.Category, g.Key.Submitted, Count = g.Count() })
            .ToListAsync();

        return consultations.ToDictionary(c => c.Id, c =>
        {
            var byCategory = c.EligibleCategories.Order().ToDictionary(category => category, category => new CategoryResponses(
                entities.GetValueOrDefault(category),
                submissions.Where(s => s.ConsultationId == c.Id && s.Category == category && !s.Submitted).Sum(s => s.Count),
                submissions.Where(s => s.ConsultationId == c.Id && s.Category == category && s.Submitted).Sum(s => s.Count)));
            return new ConsultationResponses(c.Id, byCategory, byCategory.Values.Sum(r => r.EligibleEntities), byCategory.Values.Sum(r => r.Drafts),
                byCategory.Values.Sum(r => r.Submitted));
        });
    }
}
