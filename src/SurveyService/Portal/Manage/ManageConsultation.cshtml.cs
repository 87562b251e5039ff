using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Manage;

/// <summary>
/// One consultation for the Secretariat: its schedule, who may answer and the weights, its questions
/// by tier, and while it is a draft a form to add a question (AddQuestion, as POST …/questions).
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class ManageConsultationModel(SurveyDbContext db, AddQuestion adding, TimeProvider clock, IStringLocalizer<PortalText> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public ConsultationStatus Status { get; private set; }
    public DateTime? DeadlineExtendedFrom { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public QuestionTier Tier { get; set; } = QuestionTier.Open;
    [BindProperty] public QuestionType Type { get; set; } = QuestionType.Text;
    [BindProperty] public string? Options { get; set; }
    [BindProperty] public bool Required { get; set; }
    [BindProperty] public string? MaxLength { get; set; }
    [BindProperty] public string? ScaleMin { get; set; }
    [BindProperty] public string? ScaleMax { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await ReadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        var request = new AddQuestionRequest(Code?.Trim(), Text?.Trim(), Tier, Type,
            Type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? OptionLines() : null, Required,
            Type == QuestionType.Text ? Number(MaxLength, "maxLength") : null,
            Type == QuestionType.Scale ? Number(ScaleMin, "scaleMin") : null, Type == QuestionType.Scale ? Number(ScaleMax, "scaleMax") : null);
        var errors = new ValidationErrors();
        RequestValidation.Check(request, errors);
        foreach (var field in errors.ToDictionary().Keys)
            Word(field);
        if (Errors.Count == 0)
        {
            switch (await adding.AddAsync(StaffMember.From(User), id, request))
            {
                case AddQuestionOutcome.Added added:
                    return Redirect($"/manage/consultations/{id}?added={Uri.EscapeDataString(added.Question.Code)}#questions");
                case AddQuestionOutcome.Refused(ConsultationRefusal.DuplicateQuestionCode duplicate):
                    Errors["code"] = t["Another question already has the code {0}; give this one its own.", duplicate.Code];
                    break;
                case AddQuestionOutcome.Refused(ConsultationRefusal.QuestionsFrozen):
                    Errors["code"] = t["The consultation is published, so its questions can no longer change."];
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
                default:
                    return NotFound();
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
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

    private string[] OptionLines() =>
        [.. (Options ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    private int? Number(string? typed, string field)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        if (int.TryParse(typed.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return number;
        Word(field);
        return null;
    }

    private void Word(string field)
    {
        var (id, message) = field switch
        {
            "code" => ("code", t["Give a code of at most 20 characters, such as 3a."]),
            "text" => ("text", t["Give the question's text, at most 4,000 characters."]),
            "options" => ("options", t["Give at least two different options, one per line, each at most 500 characters."]),
            "maxLength" => ("max-length", t["Give the longest answer as a whole number of characters from 1 to 100,000, or leave it empty."]),
            "scaleMin" or "scaleMax" => ("scale-min", t["Give the scale's lowest and highest values as whole numbers, the highest above the lowest, at most 101 points."]),
            _ => ("text", t["Check the question's fields."]),
        };
        Errors.TryAdd(id, message);
    }

    public static string TypeName(IStringLocalizer t, QuestionType type) => type switch
    {
        QuestionType.Text => t["Text"],
        QuestionType.SingleChoice => t["One choice"],
        QuestionType.MultipleChoice => t["Several choices"],
        _ => t["Scale"],
    };
}
