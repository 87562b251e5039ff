using ClosedXML.Excel;
using SurveyService.Analysis;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Submissions;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// A consultation answered by Member States, Sector Members and Stakeholders (one amending, one
/// never submitting), closed by the sweep after the clock passes its deadline, compiled, screened
/// and compiled again; then its summary and workbooks downloaded.
/// </summary>
public sealed class ClosedConsultation : IAsyncLifetime
{
    public const string FormulaText = "=SUM(A1:A2)";
    public const string PlusText = "+ plus start";
    public const string SecretText = "Tier one secret of a Member State";
    // Over 40 characters, with accents and a dash beyond ASCII, as the download's file name must carry them.
    public const string Title = "Consultation sur l'accès – Genève, radiocommunication conference preparations";
    public const string ScreeningReason = "Comments on the agenda, not on the question.";
    public static readonly string LongText = "long-" + new string('x', 39_995);

    public SurveyApplication App { get; } = new();
    public Guid Id { get; private set; }
    public ConsultationStatus StatusAfterSweep { get; private set; }
    public AnalysisStatusResponse Analysis { get; private set; } = null!;
    public AnalysisSummary Summary { get; private set; } = null!;
    public XLWorkbook Workbook { get; private set; } = null!;
    public byte[] WorkbookBytes { get; private set; } = [];
    public XLWorkbook OpenTierWorkbook { get; private set; } = null!;
    public byte[] OpenTierBytes { get; private set; } = [];
    public int RelatedAnswers => 17;

    public async Task InitializeAsync()
    {
        var draft = App.Draft(Title, weights: new Dictionary<string, decimal> { ["MemberState"] = 1m, ["SectorMember"] = 0.5m, ["Stakeholder"] = 0.25m });
        Id = await App.CreateConsultationAsync([.. ConsultationSetup.EveryType, new QuestionSpec("3d", "Open", MaxLength: 100_000)], draft: draft);
        var q = await App.QuestionIdsAsync(Id);

        await SubmitAsync(RespondentCategory.MemberState,
            new { questionId = q["1a"], text = FormulaText }, new { questionId = q["2a"], choices = new[] { "Yes" } },
            new { questionId = q["3a"], text = "Added value from states" }, new { questionId = q["3b"], choices = new[] { "A", "B" } },
            new { questionId = q["3c"], value = 5 }, new { questionId = q["3d"], text = LongText });
        await SubmitAsync(RespondentCategory.MemberState,
            new { questionId = q["1a"], text = SecretText }, new { questionId = q["2a"], choices = new[] { "No" } },
            new { questionId = q["3b"], choices = new[] { "A" } }, new { questionId = q["3c"], value = 4 });
        await SubmitAsync(RespondentCategory.SectorMember,
            new { questionId = q["2a"], choices = new[] { "Yes" } }, new { questionId = q["3a"], text = "bad \u0001 char" },
            new { questionId = q["3b"], choices = new[] { "C" } }, new { questionId = q["3c"], value = 3 });
        await SubmitAsync(RespondentCategory.Stakeholder,
            new { questionId = q["3a"], text = PlusText }, new { questionId = q["3b"], choices = new[] { "A" } }, new { questionId = q["3c"], value = 1 });
        var amending = await SubmitAsync(RespondentCategory.SectorMember, new { questionId = q["3c"], value = 2 });
        var (_, etag) = await amending.ReadSubmissionAsync(Id);
        (await amending.SaveAsync(Id, [new { questionId = q["3c"], value = 5 }], etag)).EnsureSuccessStatusCode();
        (await amending.SubmitAsync(Id)).EnsureSuccessStatusCode();
        var drafting = await App.AsRespondentAsync(RespondentCategory.Stakeholder);
        (await drafting.Client.SaveAsync(Id, [new { questionId = q["3c"], value = 2 }])).EnsureSuccessStatusCode();

        var closesAt = (await (await App.CreateHttpsClient().GetAsync($"/api/consultations/{Id}")).ReadAsAsync<ConsultationResponse>()).ClosesAt;
        App.Clock.SetUtcNow(closesAt.AddSeconds(1));
        App.TriggerSweep();
        var analyst = await App.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(Id);
        StatusAfterSweep = await analyst.StatusAsync(Id);

        var answers = await (await analyst.GetAsync($"/api/consultations/{Id}/answers?questionId={q["3a"]}")).ReadAsAsync<AnswerPage>();
        var offTopic = answers.Items.Single(a => a.Category == RespondentCategory.SectorMember);
        (await analyst.PutAsJsonAsync($"/api/consultations/{Id}/answers/{offTopic.Id}/screening",
            new { related = false, reason = ScreeningReason })).EnsureSuccessStatusCode();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await analyst.PostAsync($"/api/consultations/{Id}/analysis", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        await WaitForSecondCompileAsync(analyst);

        Analysis = await (await analyst.GetAsync($"/api/consultations/{Id}/analysis")).ReadAsAsync<AnalysisStatusResponse>();
        Summary = await (await analyst.GetAsync($"/api/consultations/{Id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        (Workbook, WorkbookBytes) = await analyst.DownloadWorkbookAsync(Id);
        (OpenTierWorkbook, OpenTierBytes) = await analyst.DownloadWorkbookAsync(Id, "Open");
    }

    private async Task WaitForSecondCompileAsync(HttpClient analyst)
    {
        for (var i = 0; i < 600; i++)
        {
            var analysis = await analyst.WaitForAnalysisAsync(Id, AnalysisStatus.Ready, AnalysisStatus.Failed);
            if (analysis.Attempts >= 2 && analysis.Status == AnalysisStatus.Ready)
                return;
            await Task.Delay(100);
        }
        Assert.Fail("The second compile did not finish.");
    }

    private async Task<HttpClient> SubmitAsync(RespondentCategory category, params object[] answers)
    {
        var respondent = await App.AsRespondentAsync(category);
        (await respondent.Client.SaveAsync(Id, answers)).EnsureSuccessStatusCode();
        await (await respondent.Client.SubmitAsync(Id)).ReadAsAsync<SubmitResponse>();
        return respondent.Client;
    }

    public QuestionSummary Question(string code) => Summary.Questions.Single(q => q.Code == code);

    public OptionSummary Option(string code, string option) => Question(code).Options.Single(o => o.Option == option);

    public async Task DisposeAsync()
    {
        Workbook?.Dispose();
        OpenTierWorkbook?.Dispose();
        await App.DisposeAsync();
    }
}
