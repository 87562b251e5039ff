using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Manage;

/// <summary>
/// The Secretariat creates a consultation as a draft: the same request, checks and CreateConsultation
/// as POST /api/consultations, each refused field named in the reader's language beside the field.
/// Times are entered and shown in UTC, as the deadline is kept.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class NewConsultationModel(CreateConsultation creating, TimeProvider clock, IStringLocalizer<PortalText> t) : PageModel
{
    private const string MinuteFormat = "yyyy-MM-ddTHH:mm";

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? OpensAt { get; set; }
    [BindProperty] public string? ClosesAt { get; set; }
    /// <summary>Read from the form by hand: with every box unticked the form sends nothing, which must not mean "all".</summary>
    public List<RespondentCategory> Eligible { get; private set; } = [.. Enum.GetValues<RespondentCategory>()];
    [BindProperty] public Dictionary<RespondentCategory, string> Weights { get; set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
        var tomorrow = clock.UtcNow().Date.AddDays(1).AddHours(9);
        OpensAt = tomorrow.ToString(MinuteFormat, CultureInfo.InvariantCulture);
        ClosesAt = tomorrow.AddDays(30).AddHours(8).ToString(MinuteFormat, CultureInfo.InvariantCulture);
    }

    public string WeightOf(RespondentCategory category) =>
        Weights.GetValueOrDefault(category) ?? CategoryWeights.DefaultWeight.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync()
    {
        Eligible = [.. Request.Form["Eligible"].Select(v => Enum.TryParse<RespondentCategory>(v, out var c) ? c : (RespondentCategory?)null)
            .OfType<RespondentCategory>().Distinct()];
        var opens = Instant(OpensAt, "opens", t["Give the opening as a date and time in UTC."]);
        var closes = Instant(ClosesAt, "closes", t["Give the deadline as a date and time in UTC, after the opening."]);
        var weights = new Dictionary<RespondentCategory, decimal>();
        foreach (var category in Enum.GetValues<RespondentCategory>())
        {
            // The browser sends a number with a dot whatever the language; a person typing may use their own comma.
            var typed = WeightOf(category).Trim().Replace(',', '.');
            if (decimal.TryParse(typed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight))
                weights[category] = weight;
            else
                Errors[WeightId(category)] = WeightError(category);
        }
        var request = new CreateConsultationRequest(Title?.Trim(), opens, closes, Description, [.. Eligible], weights);
        var errors = new ValidationErrors();
        RequestValidation.Check(request, errors);
        foreach (var field in errors.ToDictionary().Keys)
            Word(field);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var consultation = await creating.CreateAsync(StaffMember.From(User), request);
        return Redirect($"/manage?created={consultation.Id}");
    }

    public static string WeightId(RespondentCategory category) => $"weight-{category}";

    private DateTimeOffset? Instant(string? typed, string id, string error)
    {
        if (DateTime.TryParseExact(typed?.Trim(), [MinuteFormat, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            return new DateTimeOffset(instant, TimeSpan.Zero);
        Errors[id] = error;
        return null;
    }

    private void Word(string field)
    {
        switch (field)
        {
            case "title":
                Errors["title"] = t["Give a title of at most 300 characters."];
                break;
            case "description":
                Errors["description"] = t["Keep the description within 20,000 characters, without control characters."];
                break;
            case "opensAt":
                Errors.TryAdd("opens", t["Give the opening as a date and time in UTC."]);
                break;
            case "closesAt":
                Errors.TryAdd("closes", t["Give the deadline as a date and time in UTC, after the opening."]);
                break;
            case "eligibleCategories":
                Errors["eligible"] = t["Choose at least one category that may answer."];
                break;
            default:
                if (field.StartsWith("weights.", StringComparison.Ordinal) && Enum.TryParse<RespondentCategory>(field["weights.".Length..], out var category))
                    Errors[WeightId(category)] = WeightError(category);
                break;
        }
    }

    private string WeightError(RespondentCategory category) =>
        t["{0}: give a weight above 0 and at most 1,000, with at most four decimal places.", PortalNames.Category(t, category)];
}
