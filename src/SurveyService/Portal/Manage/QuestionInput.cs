using System.Globalization;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Problems;

namespace SurveyService.Portal.Manage;

/// <summary>
/// A question as the Secretariat types it, on the page that adds one and the page that edits one:
/// read into the API's request and its checks, each refusal worded in the reader's language beside
/// its field, and what was typed kept.
/// </summary>
internal sealed class QuestionInput
{
    public string? Code { get; set; }
    public string? Text { get; set; }
    public QuestionTier Tier { get; set; } = QuestionTier.Open;
    public QuestionType Type { get; set; } = QuestionType.Text;
    public string? Options { get; set; }
    public bool Required { get; set; }
    public string? MaxLength { get; set; }
    public string? ScaleMin { get; set; }
    public string? ScaleMax { get; set; }

    public static QuestionInput From(Question q) => new()
    {
        Code = q.Code,
        Text = q.Text,
        Tier = q.Tier,
        Type = q.Type,
        Options = string.Join("\n", q.Options),
        Required = q.Required,
        MaxLength = Number(q.MaxLength),
        ScaleMin = Number(q.ScaleMin),
        ScaleMax = Number(q.ScaleMax),
    };

    /// <summary>The request when every field passes the API's checks; otherwise null, each refused field worded in errors.</summary>
    public AddQuestionRequest? ToRequest(Dictionary<string, string> errors, IStringLocalizer t)
    {
        var request = new AddQuestionRequest(Code?.Trim(), Text?.Trim(), Tier, Type,
            Type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? OptionLines() : null, Required,
            Type == QuestionType.Text ? Number(MaxLength, "maxLength", errors, t) : null,
            Type == QuestionType.Scale ? Number(ScaleMin, "scaleMin", errors, t) : null,
            Type == QuestionType.Scale ? Number(ScaleMax, "scaleMax", errors, t) : null);
        var found = new ValidationErrors();
        RequestValidation.Check(request, found);
        foreach (var field in found.ToDictionary().Keys)
            Word(field, errors, t);
        return errors.Count == 0 ? request : null;
    }

    /// <summary>A refusal of the use case worded beside its field; the status the page answers with.</summary>
    public static int Refused(ConsultationRefusal why, Dictionary<string, string> errors, IStringLocalizer t)
    {
        switch (why)
        {
            case ConsultationRefusal.DuplicateQuestionCode duplicate:
                errors["code"] = t["Another question already has the code {0}; give this one its own.", duplicate.Code];
                return StatusCodes.Status400BadRequest;
            case ConsultationRefusal.QuestionsFrozen:
                errors["code"] = t["The consultation is published, so its questions can no longer change."];
                return StatusCodes.Status409Conflict;
            default:
                return StatusCodes.Status404NotFound;
        }
    }

    private string[] OptionLines() =>
        [.. (Options ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static int? Number(string? typed, string field, Dictionary<string, string> errors, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        if (int.TryParse(typed.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return number;
        Word(field, errors, t);
        return null;
    }

    private static void Word(string field, Dictionary<string, string> errors, IStringLocalizer t)
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
        errors.TryAdd(id, message);
    }

    public static string TypeName(IStringLocalizer t, QuestionType type) => type switch
    {
        QuestionType.Text => t["Text"],
        QuestionType.SingleChoice => t["One choice"],
        QuestionType.MultipleChoice => t["Several choices"],
        _ => t["Scale"],
    };
}

/// <summary>The question form's fields (the form, its buttons and its page are the caller's).</summary>
internal sealed record QuestionFields(QuestionInput Input, IReadOnlyDictionary<string, string> Errors);
