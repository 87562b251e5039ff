using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Analysis;
using SurveyService.Data.Analyses;
using SurveyService.Identity;

namespace SurveyService.Portal.Analysis;

/// <summary>The analysts' list: every closed consultation with where its analysis stands, and its workbooks once compiled.</summary>
[Authorize(Policy = Policies.Analyst)]
internal sealed class AnalysisListModel(ClosedConsultations closed) : PageModel
{
    public IReadOnlyList<ConsultationAnalysis> Consultations { get; private set; } = [];

    /// <summary>While one is compiling the page refreshes itself (where scripts run) so the stage and percentage move.</summary>
    public bool AnyCompiling => Consultations.Any(c => c.Analysis.Status is AnalysisStatus.Pending or AnalysisStatus.Running);

    public async Task OnGetAsync() => Consultations = await closed.ListAsync();
}
