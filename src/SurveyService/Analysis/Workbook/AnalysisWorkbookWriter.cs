using System.Globalization;
using SurveyService.Data.Consultations;

namespace SurveyService.Analysis.Workbook;

/// <summary>What a workbook is written from; the rows themselves are streamed from the database.</summary>
internal sealed record WorkbookInput(
    Consultation Consultation,
    IReadOnlyList<Question> Questions,
    AnalysisSummary Summary,
    IReadOnlyDictionary<RespondentCategory, int> Respondents,
    IReadOnlyDictionary<QuestionTier, int> ScreenedOutByTier,
    // Every entity registered in each category when compiling, not a count taken at the close: a
    // recompile after new registrations gives another response rate.
    IReadOnlyDictionary<RespondentCategory, int> RegisteredEntities,
    IReadOnlyDictionary<string, string> StaffNames,
    AnswerRows Rows);

/// <summary>
/// The analysis workbook: Overview, one sheet per tier, Responses (long format, an Excel table)
/// and Screened out. A tier's workbook holds that tier's sheets and rows only, nothing else.
/// </summary>
internal static class AnalysisWorkbookWriter
{
    public static readonly RespondentCategory[] Categories = Enum.GetValues<RespondentCategory>();

    public static readonly (QuestionTier Tier, string Numeral, string Sheet, string AddressedTo)[] Tiers =
    [
        (QuestionTier.MemberStates, "i", "i Member States", "ITU Member States only"),
        (QuestionTier.Membership, "ii", "ii Membership", "Member States, Sector Members, Associates and Academia"),
        (QuestionTier.Open, "iii", "iii Open", "Everyone: the membership and all non-member stakeholders"),
    ];

    public static async Task WriteAsync(Stream stream, WorkbookInput input, QuestionTier? scope, int maxRowsPerSheet)
    {
        var tiers = scope is { } only ? [only] : Tiers.Select(t => t.Tier).ToArray();
        using var workbook = new XlsxWriter(stream, maxRowsPerSheet);
        OverviewSheet.Write(workbook, input, scope);
        foreach (var tier in Tiers.Where(t => tiers.Contains(t.Tier)))
            await TierSheet.WriteAsync(workbook, input, tier.Tier, tier.Sheet);
        await ResponsesSheet.WriteAsync(workbook, input, tiers);
        await ScreenedOutSheet.WriteAsync(workbook, input, tiers);
    }

    public static string TierLabel(QuestionTier tier)
    {
        var t = Tiers.First(x => x.Tier == tier);
        return $"{t.Numeral} {tier}";
    }

    /// <summary>The text of an answer as written in a cell: text, the chosen options, or the scale value.</summary>
    public static string AnswerText(AnswerRow row) =>
        row.Text ?? (row.Choices is { } choices ? string.Join("; ", choices) : row.Value?.ToString(CultureInfo.InvariantCulture) ?? "");

    /// <summary>The category's weight as a cell; empty for a category without a usable weight, whose answers are not in the figures.</summary>
    public static XCell Weight(WorkbookInput input, RespondentCategory category) =>
        input.Summary.Weights.TryGetValue(category, out var weight) ? XCell.Of((double)weight, Style.Decimal) : XCell.Empty;

    /// <summary>Why a related answer is not in the figures, said in the row itself; null when it is.</summary>
    public static string? NotInTheFigures(WorkbookInput input, Question question, AnswerRow row) =>
        !Enum.IsDefined(question.Type) || !Enum.IsDefined(question.Tier) ? "Not in the figures: the question's type or tier is unknown to this version."
        : AnswerPlacement.ReasonNotPlaced(question, input.Summary.Weights, row.Category, row.Choices, row.Value) is { } reason
            ? $"Not in the figures: {AnswerPlacement.Describe(reason)}."
            : null;

    /// <summary>The answer's cells, and a visible note when it spans several because of Excel's cell limit.</summary>
    public static (XCell Note, IReadOnlyList<XCell> Parts) AnswerCells(string text)
    {
        var parts = XCell.FreeText(text);
        return (parts.Count > 1 ? new XCell(XCell.ContinuationNote(parts.Count, text.Length), null, Style.Wrapped) : XCell.Empty, parts);
    }
}
