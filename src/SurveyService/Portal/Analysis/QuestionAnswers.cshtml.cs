using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Analysis.Themes;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Portal.Analysis;

/// <summary>Every text answer to one question, whole, Member States first, searchable and paged: where the results page's short list leads.</summary>
[Authorize(Policy = Policies.Analyst)]
internal sealed class QuestionAnswersModel(SurveyDbContext db, ThemeReads reads) : PageModel
{
    public const int PageSize = 50;

    public Consultation Consultation { get; private set; } = null!;
    public Question Question { get; private set; } = null!;
    public string? Search { get; private set; }
    public ListedAnswers Answers { get; private set; } = new(0, []);
    public int PageNumber { get; private set; } = 1;

    /// <summary>The themes of the answers on this page, as tagged now.</summary>
    public ILookup<Guid, string> AnswerThemes { get; private set; } = Array.Empty<Guid>().ToLookup(_ => _, _ => "");
    public int Pages => Math.Max(1, (Answers.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid questionId, string? q)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == questionId && x.ConsultationId == id);
        if (consultation is null || question is null || question.Type != QuestionType.Text)
            return NotFound();
        (Consultation, Question, Search) = (consultation, question, TextAnswers.Search(q));
        // "page" is Razor Pages' own route value, so the page number is read from the query by hand.
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 100_000 ? number : 1;
        Answers = (await TextAnswers.ReadAsync(db, id, [questionId], Search, (PageNumber - 1) * PageSize, PageSize))[questionId];
        AnswerThemes = await reads.OfAnswersAsync([.. Answers.Shown.Select(a => a.AnswerId)]);
        return Page();
    }

    /// <summary>This page's address at another page number, the search kept.</summary>
    public string At(int page) =>
        $"/analysis/{Consultation.Id}/results/{Question.Id}?page={page.ToString(CultureInfo.InvariantCulture)}"
        + (Search is null ? "" : "&q=" + Uri.EscapeDataString(Search));
}
