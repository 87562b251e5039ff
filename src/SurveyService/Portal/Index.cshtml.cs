using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Consultations;
using SurveyService.Identity;

namespace SurveyService.Portal;

/// <summary>The consultations: open ones first (nearest deadline first), then upcoming, then closed.</summary>
internal sealed class IndexModel(ConsultationList consultations, TimeProvider clock) : PageModel
{
    internal IReadOnlyList<ListedConsultation> Open { get; private set; } = [];
    internal IReadOnlyList<ListedConsultation> Upcoming { get; private set; } = [];
    internal IReadOnlyList<ListedConsultation> Closed { get; private set; } = [];
    internal IReadOnlyDictionary<Guid, EntityProgress>? Progress { get; private set; }
    internal DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.UtcNow();
        var visible = await consultations.VisibleToAsync(User);
        var now = Now;
        ConsultationStatus StatusOf(ListedConsultation c) => ConsultationSchedule.From(c.Consultation).StatusAt(now);
        Open = [.. visible.Where(c => StatusOf(c) == ConsultationStatus.Open).OrderBy(c => c.Consultation.ClosesAt)];
        Upcoming = [.. visible.Where(c => StatusOf(c) == ConsultationStatus.Scheduled).OrderBy(c => c.Consultation.OpensAt)];
        Closed = [.. visible.Where(c => StatusOf(c) == ConsultationStatus.Closed).OrderByDescending(c => c.Consultation.ClosesAt)];
        if (Respondent.From(User) is { } respondent)
            Progress = await consultations.ProgressOfAsync(respondent);
    }
}
