using SurveyService.Consultations;
using SurveyService.Identity;

namespace SurveyService.Submissions;

/// <summary>A respondent let in to a consultation: its schedule, and who is answering.</summary>
internal sealed record Answering(ConsultationSchedule Consultation, Respondent Respondent);

/// <summary>
/// What every submission read and write checks first: only respondents, only published
/// consultations, only eligible categories, and for writes only while the answering window is open.
/// </summary>
internal static class SubmissionGate
{
    /// <summary>
    /// Compiled, as the respondents' busiest query: translating the expression on every request was
    /// a fifth of a save's processor time.
    /// </summary>
    private static readonly CompiledPerModel<Func<SurveyDbContext, Guid, Task<ConsultationSchedule?>>> PublishedSchedule =
        new(() => EF.CompileAsyncQuery((SurveyDbContext db, Guid id) => db.Consultations.AsNoTracking()
            .Where(c => c.Id == id && c.PublishedAt != null)
            .Select(ConsultationSchedule.Of)
            .FirstOrDefault()));

    public static async Task<(Answering? Answering, SubmissionRefusal? Refusal)> EnterAsync(
        SurveyDbContext db, Respondent? caller, Guid consultationId, DateTime now, bool writing)
    {
        if (caller is null)
            return (null, new SubmissionRefusal.NotARespondent());
        var schedule = await PublishedSchedule.For(db)(db, consultationId);
        if (schedule is null)
            return (null, new SubmissionRefusal.NoSuchConsultation(consultationId));
        if (!schedule.Admits(caller.Category))
            return (null, new SubmissionRefusal.CategoryNotEligible(caller.Category));
        if (writing && AnsweringWindow.RefusalAt(schedule, now) is { } closed)
            return (null, closed);
        return (new Answering(schedule, caller), null);
    }
}
