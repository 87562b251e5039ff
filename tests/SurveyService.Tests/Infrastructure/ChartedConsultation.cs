using SurveyService.Analysis;
using SurveyService.Data.Analyses;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// A consultation with a text, a choice and a scale question in each tier, answered by Member
/// States, a Sector Member and Stakeholders at weights 1, 0.5 and 0.25 (so that in tiers ii and iii
/// weighted shares differ from unweighted ones), closed, compiled; its summary and its four
/// workbooks (whole, then each tier's) downloaded.
/// </summary>
public sealed class ChartedConsultation : IAsyncLifetime
{
    public static readonly QuestionSpec[] Questions =
    [
        new("1a", "MemberStates"),
        new("1b", "MemberStates", "SingleChoice", ["Agree", "Disagree"]),
        new("1c", "MemberStates", "Scale"),
        new("2a", "Membership"),
        new("2b", "Membership", "MultipleChoice", ["Spectrum", "Standards", "Capacity building"]),
        new("2c", "Membership", "Scale"),
        new("3a", "Open"),
        new("3b", "Open", "SingleChoice", ["Yes", "No", "Not sure"]),
        new("3c", "Open", "Scale"),
    ];

    /// <summary>Each workbook's scope as the download's ?tier= names it; null is the whole workbook.</summary>
    public static readonly string?[] Scopes = [null, "MemberStates", "Membership", "Open"];

    public SurveyApplication App { get; } = new();
    public Guid Id { get; private set; }
    public AnalysisSummary Summary { get; private set; } = null!;
    public Dictionary<string, byte[]> Workbooks { get; } = [];

    public byte[] Workbook(string? scope) => Workbooks[scope ?? "All"];

    public async Task InitializeAsync()
    {
        var draft = App.Draft("Charted consultation",
            weights: new Dictionary<string, decimal> { ["MemberState"] = 1m, ["SectorMember"] = 0.5m, ["Stakeholder"] = 0.25m });
        Id = await App.CreateConsultationAsync(Questions, draft: draft);
        var q = await App.QuestionIdsAsync(Id);
        object Text(string code, string text) => new { questionId = q[code], text };
        object Choices(string code, params string[] choices) => new { questionId = q[code], choices };
        object Value(string code, int value) => new { questionId = q[code], value };

        await SubmitAsync(RespondentCategory.MemberState, Text("1a", "From a state"), Choices("1b", "Agree"), Value("1c", 5),
            Choices("2b", "Spectrum", "Standards"), Value("2c", 4), Choices("3b", "Yes"), Value("3c", 5));
        await SubmitAsync(RespondentCategory.MemberState, Choices("1b", "Disagree"), Value("1c", 4),
            Choices("2b", "Spectrum"), Value("2c", 5), Choices("3b", "No"), Value("3c", 4));
        await SubmitAsync(RespondentCategory.MemberState, Choices("1b", "Agree"), Value("1c", 4));
        await SubmitAsync(RespondentCategory.SectorMember, Text("2a", "From a sector member"), Choices("2b", "Capacity building"),
            Value("2c", 2), Choices("3b", "No"), Value("3c", 2));
        await SubmitAsync(RespondentCategory.Stakeholder, Text("3a", "From a stakeholder"), Choices("3b", "No"), Value("3c", 1));
        await SubmitAsync(RespondentCategory.Stakeholder, Choices("3b", "Yes"), Value("3c", 1));

        await (await (await App.AsSecretariatAsync()).PostAsync($"/api/consultations/{Id}/close", null))
            .ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        var analyst = await App.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(Id);
        Summary = await (await analyst.GetAsync($"/api/consultations/{Id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        foreach (var scope in Scopes)
        {
            var (workbook, bytes) = await analyst.DownloadWorkbookAsync(Id, scope);
            workbook.Dispose();
            Workbooks[scope ?? "All"] = bytes;
        }
    }

    private async Task SubmitAsync(RespondentCategory category, params object[] answers)
    {
        var respondent = await App.AsRespondentAsync(category);
        (await respondent.Client.SaveAsync(Id, answers)).EnsureSuccessStatusCode();
        (await respondent.Client.SubmitAsync(Id)).EnsureSuccessStatusCode();
    }

    public QuestionSummary Question(string code) => Summary.Questions.Single(q => q.Code == code);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
