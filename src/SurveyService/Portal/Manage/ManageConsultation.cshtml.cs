using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>
/// One consultation for the Secretariat: its schedule, who may answer and the weights, its questions
/// by tier, and while it is a draft a form to add a question (AddQuestion, as POST …/questions)
/// and buttons to move a question (ReorderQuestions) and links to edit or remove it.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class ManageConsultationModel(SurveyDbContext db, AddQuestion adding, ReorderQuestions reordering, TimeProvider clock, IStringLocalizer<PortalText> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public ConsultationStatus Status { get; private set; }
    public DateTime? DeadlineExtendedFrom { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The add form's fields, read from the form as the API names them (Code, Text, …).</summary>
    public QuestionInput Input { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await ReadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        await TryUpdateModelAsync(Input, "");
        if (Input.ToRequest(Errors, t) is { } request)
        {
            switch (await adding.AddAsync(StaffMember.From(User), id, request))
            {
                case AddQuestionOutcome.Added added:
                    return Redirect($"/manage/consultations/{id}?added={Uri.EscapeDataString(added.Question.Code)}#questions");
                case AddQuestionOutcome.Refused(var why):
                    var status = QuestionInput.Refused(why, Errors, t);
                    if (status == StatusCodes.Status404NotFound)
                        return NotFound();
                    Response.StatusCode = status;
                    return Page();
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>
    /// "Move up" and "Move down": respondents see the questions by tier, so a question changes place
    /// with its neighbour in the same tier; the whole new order goes to ReorderQuestions.
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid questionId, string? direction)
    {
        if (!await ReadAsync(id))
            return NotFound();
        var order = Questions.ToList();
        var at = order.FindIndex(q => q.Id == questionId);
        if (at < 0)
            return NotFound();
        var moved = order[at].Code;
        var step = direction == "up" ? -1 : 1;
        var other = at + step;
        while (other >= 0 && other < order.Count && order[other].Tier != order[at].Tier)
            other += step;
        if (other >= 0 && other < order.Count)
            (order[at], order[other]) = (order[other], order[at]);
        switch (await reordering.ReorderAsync(StaffMember.From(User), id, [.. order.Select(q => q.Id)]))
        {
            case QuestionOutcome.Refused(ConsultationRefusal.QuestionsFrozen):
                await ReadAsync(id);
                Errors["questions"] = t["The consultation is published, so its questions can no longer change."];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case QuestionOutcome.Refused:
                return NotFound();
            default:
                return Redirect($"/manage/consultations/{id}?moved={Uri.EscapeDataString(moved)}#q-{questionId}");
        }
    }

    /// <summary>Whether the question has a neighbour in its tier before it (-1) or after it (1).</summary>
    public bool CanMove(Question question, int step)
    {
        var inTier = Questions.Where(q => q.Tier == question.Tier).ToList();
        var at = inTier.IndexOf(question) + step;
        return at >= 0 && at < inTier.Count;
    }

    private async Task<bool> ReadAsync(Guid id)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return false;
        Consultation = consultation;
        Status = ConsultationSchedule.From(consultation).StatusAt(clock.UtcNow());
        DeadlineExtendedFrom = await DeadlineExtensions.ExtendedFromAsync(db, consultation);
        Questions = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == id).OrderBy(q => q.Order).ToListAsync();
        return true;
    }
}
