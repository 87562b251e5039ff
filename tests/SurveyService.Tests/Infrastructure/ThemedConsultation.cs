using SurveyService.Analysis;
using SurveyService.Analysis.Themes;
using SurveyService.Data.Analyses;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// A consultation whose text answers analysts tagged with themes through the API, in every tier and
/// from Member States, a Sector Member and Stakeholders at weights 1, 0.5 and 0.25 (so that in tier
/// iii a theme's weighted share differs from its unweighted one), recompiled after tagging; its
/// summary and its four workbooks (whole, then each tier's) downloaded. 3d is answered but carries
/// no theme; 1b and 3b are choice questions with their own charts beside the themes'.
/// </summary>
public sealed class ThemedConsultation : IAsyncLifetime
{
    public static readonly QuestionSpec[] Questions =
    [
        new("1a", "MemberStates"),
        new("1b", "MemberStates", "SingleChoice", ["Agree", "Disagree"]),
        new("2a", "Membership"),
        new("3a", "Open"),
        new("3b", "Open", "SingleChoice", ["Yes", "No"]),
        new("3d", "Open"),
    ];

    /// <summary>Which answer carries which themes, by the answer's text.</summary>
    private static readonly (string Answer, string[] Themes)[] Tags =
    [
        ("1a state one", ["Spectrum"]),
        ("1a state two", ["Capacity"]),
        ("2a state one", ["Spectrum", "Standards"]),
        ("2a state two", ["Standards"]),
        ("2a sector member", ["Standards"]),
        ("3a state one", ["Spectrum"]),
        ("3a state two", ["Skills", "Spectrum"]),
        ("3a sector member", ["Skills"]),
        ("3a stakeholder one", ["Skills"]),
        ("3a stakeholder two", ["Spectrum"]),
        // Tagging again changes nothing: Spectrum still counts this stakeholder once.
        ("3a stakeholder two", ["Spectrum"]),
    ];

    public static readonly string?[] Scopes = ChartedConsultation.Scopes;

    public SurveyApplication App { get; } = new();
    public Guid Id { get; private set; }
    public AnalysisSummary Summary { get; private set; } = null!;
    public Dictionary<string, byte[]> Workbooks { get; } = [];

    public byte[] Workbook(string? scope) => Workbooks[scope ?? "All"];

    public QuestionSummary Question(string code) => Summary.Questions.Single(q => q.Code == code);

    public async Task InitializeAsync()
    {
        var draft = App.Draft("Themed consultation",
            weights: new Dictionary<string, decimal> { ["MemberState"] = 1m, ["SectorMember"] = 0.5m, ["Stakeholder"] = 0.25m });
        Id = await App.CreateConsultationAsync(Questions, draft: draft);
        var q = await App.QuestionIdsAsync(Id);
        object Text(string code, string text) => new { questionId = q[code], text = $"{code} {text}" };
        object Choices(string code, params string[] choices) => new { questionId = q[code], choices };

        await SubmitAsync(RespondentCategory.MemberState, Text("1a", "state one"), Choices("1b", "Agree"), Text("2a", "state one"),
            Text("3a", "state one"), Choices("3b", "Yes"), Text("3d", "state one"));
        await SubmitAsync(RespondentCategory.MemberState, Text("1a", "state two"), Choices("1b", "Disagree"), Text("2a", "state two"),
            Text("3a", "state two"), Choices("3b", "No"));
        await SubmitAsync(RespondentCategory.SectorMember, Text("2a", "sector member"), Text("3a", "sector member"), Choices("3b", "No"),
            Text("3d", "sector member"));
        await SubmitAsync(RespondentCategory.Stakeholder, Text("3a", "stakeholder one"), Choices("3b", "Yes"));
        await SubmitAsync(RespondentCategory.Stakeholder, Text("3a", "stakeholder two"), Choices("3b", "No"));
        await SubmitAsync(RespondentCategory.Stakeholder, Text("3a", "stakeholder three"), Choices("3b", "No"));

        await (await (await App.AsSecretariatAsync()).PostAsync($"/api/consultations/{Id}/close", null))
            .ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        var analyst = await App.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(Id);

        var themes = new Dictionary<string, Guid>();
        foreach (var name in Tags.SelectMany(t => t.Themes).Distinct())
            themes[name] = (await (await analyst.PostAsJsonAsync($"/api/consultations/{Id}/themes", new { name }))
                .ReadAsAsync<ThemeResponse>(HttpStatusCode.Created)).Id;
        var answers = (await (await analyst.GetAsync($"/api/consultations/{Id}/answers?pageSize=500")).ReadAsAsync<AnswerPage>()).Items;
        foreach (var (answer, names) in Tags)
        {
            var answerId = answers.Single(a => a.Text == answer).Id;
            foreach (var name in names)
                Assert.Equal(HttpStatusCode.NoContent,
                    (await analyst.PutAsync($"/api/consultations/{Id}/answers/{answerId}/themes/{themes[name]}", null)).StatusCode);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await analyst.PostAsync($"/api/consultations/{Id}/analysis", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        await analyst.WaitForRecompileAsync(Id);
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

    public async Task DisposeAsync() => await App.DisposeAsync();
}
