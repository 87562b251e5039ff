using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;
using SurveyService.Questionnaires;

namespace SurveyService.Submissions;

/// <summary>Who is answering: a focal point of an entity of a category.</summary>
internal sealed record FocalPoint(RespondentCategory Category, Guid EntityId, string UserId)
{
    /// <summary>The caller as a focal point, or null for anyone else (staff).</summary>
    public static FocalPoint? Of(ClaimsPrincipal user) =>
        user.Category() is { } category && user.EntityId() is { } entityId && user.UserId() is { } userId
            ? new FocalPoint(category, entityId, userId)
            : null;
}

/// <summary>Who is answering what: a respondent's entity, its category, and the consultation it answers.</summary>
internal sealed record RespondentContext(Consultation Consultation, RespondentCategory Category, Guid EntityId, string UserId);

internal static class SubmissionGate
{
    /// <summary>
    /// The schedule and eligibility only: the owned weights, which every query of the whole
    /// entity brings along, are not needed here. Compiled, as the respondents' busiest query:
    /// translating the expression on every request was a fifth of a save's processor time.
    /// </summary>
    private static readonly CompiledPerModel<Func<SurveyDbContext, Guid, Task<Consultation?>>> PublishedSchedule =
        new(() => EF.CompileAsyncQuery((SurveyDbContext db, Guid id) => db.Consultations.AsNoTracking()
            .Where(c => c.Id == id && c.PublishedAt != null)
            .Select(c => new Consultation
            {
                Id = c.Id, Title = c.Title, OpensAt = c.OpensAt, ClosesAt = c.ClosesAt, PublishedAt = c.PublishedAt, ClosedAt = c.ClosedAt,
                EligibleCategories = c.EligibleCategories,
            })
            .FirstOrDefault()));

    /// <summary>
    /// The rules every submission route shares: only respondents, only published consultations
    /// (404 otherwise), only eligible categories (403), and for writes only while open (409,
    /// naming the time) by the server's clock.
    /// </summary>
    public static async Task<(RespondentContext? Context, IResult? Problem)> EnterAsync(
        SurveyDbContext db, FocalPoint? focalPoint, Guid consultationId, DateTime now, bool writing)
    {
        if (focalPoint is null)
            return (null, Problem.Forbidden("Only respondents (focal points of an entity) have submissions."));
        var consultation = await PublishedSchedule.For(db)(db, consultationId);
        if (consultation is null)
            return (null, ConsultationEndpoints.NotFound(consultationId));
        var category = focalPoint.Category;
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
        return (new RespondentContext(consultation, category, focalPoint.EntityId, focalPoint.UserId), null);
    }

    /// <summary>Entering to save or submit: the gate for writes, then the questions the answers are checked against.</summary>
    public static async Task<(RespondentContext? Context, IReadOnlyDictionary<Guid, Question> Questions, IResult? Problem)> EnterToWriteAsync(
        SurveyDbContext db, PublishedQuestions questions, FocalPoint? focalPoint, Guid consultationId, DateTime now)
    {
        var (context, problem) = await EnterAsync(db, focalPoint, consultationId, now, writing: true);
        return context is null ? (null, new Dictionary<Guid, Question>(), problem) : (context, await questions.ForAsync(db, context.Consultation), null);
    }
}
