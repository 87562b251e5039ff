using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Consultations;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>The Secretariat's list: every consultation, drafts included, with its status, schedule and responses by category against the eligible entities.</summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class ManageListModel(ConsultationList list, ResponseCounts counts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListedConsultation> Consultations { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ConsultationResponses> Responses { get; private set; } = new Dictionary<Guid, ConsultationResponses>();
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.UtcNow();
        Consultations = await list.VisibleToAsync(User);
        Responses = await counts.ForAsync([.. Consultations.Select(c => c.Consultation)]);
    }

    public static string StatusName(Microsoft.Extensions.Localization.IStringLocalizer t, ConsultationStatus status) => status switch
    {
        ConsultationStatus.Draft => t["Draft, not published"],
        ConsultationStatus.Scheduled => t["Published, opens later"],
        ConsultationStatus.Open => t["Open for answers"],
        _ => t["Closed"],
    };
}
