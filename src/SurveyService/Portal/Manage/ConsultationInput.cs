using System.Globalization;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;

namespace SurveyService.Portal.Manage;

/// <summary>
/// A consultation as the Secretariat types it, on the page that creates one and the page that edits
/// one: times in UTC to the minute, eligible categories, a weight per category; each refused field
/// worded in the reader's language beside it, what was typed kept.
/// </summary>
internal sealed class ConsultationInput
{
    public const string MinuteFormat = "yyyy-MM-ddTHH:mm";

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    /// <summary>Read from the form by hand (<see cref="ReadEligible"/>): with every box unticked the form sends nothing, which must not mean "all".</summary>
    public List<RespondentCategory> Eligible { get; private set; } = [.. Enum.GetValues<RespondentCategory>()];
    public Dictionary<RespondentCategory, string> Weights { get; set; } = [];

    public static ConsultationInput From(Consultation c) => new()
    {
        Title = c.Title,
        Description = c.Description,
        OpensAt = Minute(c.OpensAt),
        ClosesAt = Minute(c.ClosesAt),
        Eligible = [.. c.EligibleCategories],
        Weights = CategoryWeights.Of(c).ToDictionary(w => w.Key, w => w.Value.ToString("0.####", CultureInfo.InvariantCulture)),
    };

    public static string Minute(DateTime utc) => utc.ToString(MinuteFormat, CultureInfo.InvariantCulture);

    public static string WeightId(RespondentCategory category) => $"weight-{category}";

    public string WeightOf(RespondentCategory category) =>
        Weights.GetValueOrDefault(category) ?? CategoryWeights.DefaultWeight.ToString(CultureInfo.InvariantCulture);

    public void ReadEligible(IFormCollection form) =>
        Eligible = [.. form["Eligible"].Select(v => Enum.TryParse<RespondentCategory>(v, out var c) ? c : (RespondentCategory?)null)
            .OfType<RespondentCategory>().Distinct()];

    public DateTimeOffset? Opens(Dictionary<string, string> errors, IStringLocalizer t) =>
        Instant(OpensAt, "opens", t["Give the opening as a date and time in UTC."], errors);

    public DateTimeOffset? Closes(Dictionary<string, string> errors, IStringLocalizer t) =>
        Instant(ClosesAt, "closes", t["Give the deadline as a date and time in UTC, after the opening."], errors);

    /// <summary>Every category's weight as typed; those that are not numbers are worded in errors.</summary>
    public Dictionary<RespondentCategory, decimal> ParsedWeights(Dictionary<string, string> errors, IStringLocalizer t)
    {
        var weights = new Dictionary<RespondentCategory, decimal>();
        foreach (var category in Enum.GetValues<RespondentCategory>())
        {
            // The browser sends a number with a dot whatever the language; a person typing may use their own comma.
            var typed = WeightOf(category).Trim().Replace(',', '.');
            if (decimal.TryParse(typed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight))
                weights[category] = weight;
            else
                errors[WeightId(category)] = WeightError(category, t);
        }
        return weights;
    }

    /// <summary>A field the API's checks refused, worded beside its field.</summary>
    public static void Word(string field, Dictionary<string, string> errors, IStringLocalizer t)
    {
        switch (field)
        {
            case "title":
                errors["title"] = t["Give a title of at most 300 characters."];
                break;
            case "description":
                errors["description"] = t["Keep the description within 20,000 characters, without control characters."];
                break;
            case "opensAt":
                errors.TryAdd("opens", t["Give the opening as a date and time in UTC."]);
                break;
            case "closesAt":
                errors.TryAdd("closes", t["Give the deadline as a date and time in UTC, after the opening."]);
                break;
            case "eligibleCategories":
                errors["eligible"] = t["Choose at least one category that may answer."];
                break;
            default:
                if (field.StartsWith("weights.", StringComparison.Ordinal) && Enum.TryParse<RespondentCategory>(field["weights.".Length..], out var category))
                    errors[WeightId(category)] = WeightError(category, t);
                break;
        }
    }

    private static DateTimeOffset? Instant(string? typed, string id, string error, Dictionary<string, string> errors)
    {
        if (DateTime.TryParseExact(typed?.Trim(), [MinuteFormat, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            return new DateTimeOffset(instant, TimeSpan.Zero);
        errors[id] = error;
        return null;
    }

    private static string WeightError(RespondentCategory category, IStringLocalizer t) =>
        t["{0}: give a weight above 0 and at most 1,000, with at most four decimal places.", PortalNames.Category(t, category)];
}

/// <summary>The consultation form's fields; Schedule false leaves out what publishing fixes (opening, deadline, who may answer).</summary>
internal sealed record ConsultationFields(ConsultationInput Input, IReadOnlyDictionary<string, string> Errors, bool Schedule = true);
