using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Consultations;

/// <summary>The Secretariat creates a consultation; it starts as a Draft, every category eligible unless some are named.</summary>
internal sealed class CreateConsultation(SurveyDbContext db, TimeProvider clock)
{
    /// <summary>By is who creates it, null for the service itself (the demo data).</summary>
    public async Task<Consultation> CreateAsync(StaffMember? by, CreateConsultationRequest request)
    {
        var now = clock.UtcNow();
        var consultation = new Consultation
        {
            Title = request.Title!.Trim(),
            Description = request.Description ?? "",
            OpensAt = request.OpensAt!.Value.UtcDateTime,
            ClosesAt = request.ClosesAt!.Value.UtcDateTime,
            CreatedAt = now,
            EligibleCategories = [.. (request.EligibleCategories ?? Enum.GetValues<RespondentCategory>()).Distinct()],
        };
        CategoryWeights.Apply(consultation, request.Weights ?? []);
        db.Consultations.Add(consultation);
        db.ConsultationEvents.Add(ConsultationEvents.Of(consultation.Id, ConsultationAction.Created, by, now, after: consultation.Title));
        await db.SaveChangesAsync();
        return consultation;
    }
}
