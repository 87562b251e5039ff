using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Questionnaires;

/// <summary>What a caller may read of a consultation's questionnaire, or why nothing.</summary>
internal abstract record QuestionnaireOutcome
{
    /// <summary>The questions the caller is asked, in order (staff: all of them); Category is null for staff.</summary>
    public sealed record Ready(Consultation Consultation, RespondentCategory? Category, QuestionTier[] Tiers, IReadOnlyList<Question> Questions)
        : QuestionnaireOutcome;

    public sealed record NotFound(Guid ConsultationId) : QuestionnaireOutcome;

    public sealed record NeitherRespondentNorStaff : QuestionnaireOutcome;

    public sealed record NotEligible(RespondentCategory Category, Consultation Consultation) : QuestionnaireOutcome;
}

/// <summary>The questionnaire as one caller sees it, for the API and the portal's answer page alike.</summary>
internal sealed class ReadQuestionnaire(SurveyDbContext db, PublishedQuestions published)
{
    public async Task<QuestionnaireOutcome> ForAsync(ClaimsPrincipal user, Guid consultationId)
    {
        var consultation = await db.FindVisibleAsync(consultationId, user);
        if (consultation is null)
            return new QuestionnaireOutcome.NotFound(consultationId);
        var category = user.Category();
        if (!user.IsStaff() && category is null)
            return new QuestionnaireOutcome.NeitherRespondentNorStaff();
        if (category is { } c && !ConsultationSchedule.From(consultation).Admits(c))
            return new QuestionnaireOutcome.NotEligible(c, consultation);

        // A published questionnaire is frozen and kept in memory: the portal reads it on every page of an answer.
        var all = (await published.ForAsync(db, ConsultationSchedule.From(consultation))).Values.OrderBy(q => q.Order).ToList();
        IReadOnlyList<Question> questions = category is { } asked ? [.. all.AskedOf(asked)] : all;
        return new QuestionnaireOutcome.Ready(consultation, category, VisibleTiers.Of(user), questions);
    }
}
