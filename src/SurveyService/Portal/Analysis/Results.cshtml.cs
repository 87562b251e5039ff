using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SurveyService.Analysis.Themes;
using SurveyService.Identity;

namespace SurveyService.Portal.Analysis;

/// <summary>
/// The results of a closed consultation, question by question under its tier: respondents by
/// category, for choice and scale questions a chart of the unweighted beside the weighted share of
/// each option with its data table, and the text answers, Member States first, searchable. A text
/// question's themes are drawn as options are, and each listed answer shows the themes it carries.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
internal sealed class ResultsModel(SurveyDbContext db, ThemeReads reads, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    /// <summary>Text answers shown per question, each cut to an excerpt, so the page stays a few tens of kilobytes; the question's own page has them all.</summary>
    public const int AnswersShown = 5;

    public const int ExcerptLength = 600;

    public CompiledResults Results { get; private set; } = null!;
    public string? Search { get; private set; }
    public IReadOnlyDictionary<Guid, ListedAnswers> Answers { get; private set; } = new Dictionary<Guid, ListedAnswers>();

    /// <summary>The themes of the listed answers, as tagged now (the figures follow at the next compile).</summary>
    public ILookup<Guid, string> AnswerThemes { get; private set; } = Array.Empty<Guid>().ToLookup(_ => _, _ => "");

    /// <summary>Text answers containing the search, over every question.</summary>
    public int Found => Answers.Values.Sum(a => a.Total);

    public async Task<IActionResult> OnGetAsync(Guid id, string? q)
    {
        if (await CompiledResults.ReadAsync(db, json.Value.SerializerOptions, id) is not { } results)
            return NotFound();
        Results = results;
        if (results.Summary is null)
        {
            // As the workbook's download answers before the compile: there is nothing to show yet.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Search = TextAnswers.Search(q);
        var texts = results.Questions.Where(question => question.Type == QuestionType.Text).Select(question => question.Id).ToList();
        Answers = await TextAnswers.ReadAsync(db, id, texts, Search, 0, AnswersShown);
        AnswerThemes = await reads.OfAnswersAsync([.. Answers.Values.SelectMany(listed => listed.Shown).Select(a => a.AnswerId)]);
        return Page();
    }
}
