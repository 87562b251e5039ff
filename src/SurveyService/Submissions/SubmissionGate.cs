using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Submissions;

/// <summary>Who is answering what: a respondent's entity, its category, and the consultation it answers.</summary>
internal sealed record RespondentContext(Consultation Consultation, RespondentCategory Category, Guid EntityId, string UserId);

internal static class SubmissionGate
{
    /// <summary>
    /// The rules every submission route shares: only respondents, only published consultations
    /// (404 otherwise), only eligible categories (403), and for writes only while open (409,
    /// naming the time) by the server's clock.
    /// </summary>
    public static async Task<(RespondentContext? Context, IResult? Problem)> EnterAsync(
        SurveyDbContext db, ClaimsPrincipal user, Guid consultationId, DateTime now, bool writing)
    {
        if (user.Category() is not { } category || user.EntityId() is not { } entityId || user.UserId() is not { } userId)
            return (null, Problem.Forbidden("Only respondents (focal points of an entity) have submissions."));
        var consultation = await db.FindVisibleAsync(consultationId, user);
        if (consultation is null)
            return (null, ConsultationEndpoints.NotFound(consultationId));
        if (!consultation.EligibleCategories.Contains(category))
            return (null, Problem.Forbidden($"Respondents of the category {category} are not eligible for this consultation."));

        if (writing)
        {
            switch (consultation.StatusAt(now))
            {
                case ConsultationStatus.Scheduled:
                    return (null, Problem.Conflict($"The consultation opens at {consultation.OpensAt:u} (UTC); nothing can be saved before then."));
                case ConsultationStatus.Closed:
                    return (null, Problem.Conflict(consultation.ClosedAt is { } at && at < consultation.ClosesAt
                        ? $"The consultation was closed at {at:u} (UTC), before its deadline of {consultation.ClosesAt:u}; nothing more can be saved or submitted."
                        : $"The consultation closed at its deadline, {consultation.ClosesAt:u} (UTC); nothing more can be saved or submitted."));
            }
        }
        return (new RespondentContext(consultation, category, entityId, userId), null);
    }
}
