using System.Security.Claims;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Questionnaires;

namespace SurveyService.Consultations;

/// <summary>A consultation as a caller may see it, with how many of its questions the caller is asked, and its first deadline when extended since.</summary>
internal sealed record ListedConsultation(Consultation Consultation, int QuestionCount, DateTime? DeadlineExtendedFrom = null);

/// <summary>Where an entity stands on a consultation: nothing saved, a draft, or submitted (and when).</summary>
internal sealed record EntityProgress(DateTime UpdatedAt, bool IsSubmitted, DateTime? SubmittedAt);

/// <summary>The consultations a caller may see, for the API's list and the portal's home page alike.</summary>
internal sealed class ConsultationList(SurveyDbContext db)
{
    /// <summary>Published ones for everyone; staff also see drafts. The count is of the questions the caller may see.</summary>
    public async Task<IReadOnlyList<ListedConsultation>> VisibleToAsync(ClaimsPrincipal user)
    {
        var staff = user.IsStaff();
        var tiers = VisibleTiers.Of(user);
        var rows = await db.Consultations.AsNoTracking()
            .Where(c => staff || c.PublishedAt != null)
            .OrderByDescending(c => c.OpensAt)
            .Select(c => new { Consultation = c, Questions = c.Questions.Count(q => tiers.Contains(q.Tier)) })
            .ToListAsync();
        var firsts = await DeadlineExtensions.FirstDeadlinesAsync(db, [.. rows.Select(row => row.Consultation.Id)]);
        return [.. rows.Select(row => new ListedConsultation(row.Consultation, row.Questions,
            firsts.TryGetValue(row.Consultation.Id, out var first) ? DeadlineExtensions.ExtendedFrom(row.Consultation, first) : null))];
    }

    /// <summary>The respondent's entity's submission on each consultation where it has one.</summary>
    public async Task<IReadOnlyDictionary<Guid, EntityProgress>> ProgressOfAsync(Respondent respondent) =>
        await db.Submissions.AsNoTracking()
            .Where(s => s.EntityId == respondent.EntityId)
            .ToDictionaryAsync(s => s.ConsultationId, s => new EntityProgress(s.UpdatedAt, s.IsSubmitted, s.SubmittedAt));
}
