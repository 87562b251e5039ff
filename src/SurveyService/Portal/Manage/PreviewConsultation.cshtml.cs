using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;
using SurveyService.Questionnaires;

namespace SurveyService.Portal.Manage;

/// <summary>
/// The questionnaire exactly as respondents of one category will see it, before or after publishing:
/// the same tier rule (TierRule.AskedOf) and the same fields as the answer page, with nothing to save.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class PreviewConsultationModel(SurveyDbContext db) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public RespondentCategory Category { get; private set; }
    public bool Eligible { get; private set; }
    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? category)
    {
        // Exactly a category's name, as the links write it: binding would take "junk" as the default silently.
        if (!EnumName.TryParse(category ?? nameof(RespondentCategory.MemberState), out RespondentCategory asked))
            return NotFound();
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return NotFound();
        Consultation = consultation;
        Category = asked;
        Eligible = ConsultationSchedule.From(consultation).Admits(Category);
        var all = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == id).OrderBy(q => q.Order).ToListAsync();
        Questions = [.. all.AskedOf(Category)];
        return Page();
    }
}
