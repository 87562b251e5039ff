using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

/// <summary>The Secretariat creates a consultation; it starts as a Draft, every category eligible unless some are named.</summary>
internal sealed class CreateConsultation(SurveyDbContext db, TimeProvider clock)
{
    public async Task<Consultation> CreateAsync(CreateConsultationRequest request)
    {
        var consultation = new Consultation
        {
            Title = request.Title!.Trim(),
            Description = request.Description ?? "",
            OpensAt = request.OpensAt!.Value.UtcDateTime,
            ClosesAt = request.ClosesAt!.Value.UtcDateTime,
            CreatedAt = clock.UtcNow(),
            EligibleCategories = [.. (request.EligibleCategories ?? Enum.GetValues<RespondentCategory>()).Distinct()],
        };
        CategoryWeights.Apply(consultation, request.Weights ?? []);
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync();
        return consultation;
    }
}
