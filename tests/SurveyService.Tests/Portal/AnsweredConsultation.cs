using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Analysis;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Submissions;

namespace SurveyService.Tests.Portal;

/// <summary>
/// A consultation five of the demo's entities answered, of four categories, closed by the
/// Secretariat; its questions' ids by code. The weights make the weighted shares differ from the
/// unweighted: Member States 1, Sector Members and Academia 0.5, Stakeholders 0.25.
/// <list type="table">
/// <item>3a (one choice): Yes from Argentina, the operator and the NGO; No from Switzerland; Partly from the university.
/// Unweighted 60.00% / 20.00% / 20.00%; weighted 1.75, 1 and 0.5 of 3.25: 53.85% / 30.77% / 15.38%.</item>
/// <item>3b (scale 1 to 5): 5, 4, 2, 3, 1 in the same order: 20.00% each; weighted 30.77%, 30.77%, 15.38%, 15.38%, 7.69%.</item>
/// <item>3c (text): one answer from each (<see cref="Texts"/>); 1a (text, Member States only): Argentina.</item>
/// </list>
/// </summary>
public sealed record AnsweredConsultation(Guid Id, IReadOnlyDictionary<string, Guid> Questions)
{
    public static readonly string[] Options = ["Yes", "No", "Partly"];

    /// <summary>The text answers to 3c by the demo account that gave them, Member States first as the results list them.</summary>
    public static readonly (string Email, string Entity, string Text)[] Texts =
    [
        ("focal.ar@example.org", "Administration of Argentina", "Regional workshops bring added value to the Union's work."),
        ("focal.ch@example.org", "Administration of Switzerland", "Expertise from academia and civil society."),
        ("focal.operator@example.org", "Example Telecom Operator", "Investment in networks and in skills."),
        ("focal.university@example.org", "Example University", "Research on participation in standards work."),
        ("focal.ngo@example.org", "Example Civil Society Network", "Lunch breaks at the meetings are too short."),
    ];

    private static readonly (string Choice, int Value)[] Chosen = [("Yes", 5), ("No", 4), ("Yes", 2), ("Partly", 3), ("Yes", 1)];

    /// <summary>
    /// Publishes, has each entity save and submit through the use cases the pages call, and closes it
    /// now (which asks for its analysis). texts: other answers to 3c than <see cref="Texts"/>, by entity.
    /// </summary>
    public static async Task<AnsweredConsultation> CreateAsync(DemoPortal portal, string title, Func<int, string>? texts = null)
    {
        using var scope = portal.Server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var opens = services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-1);
        var consultation = await services.GetRequiredService<CreateConsultation>().CreateAsync(null, new CreateConsultationRequest(
            title, opens, opens.AddDays(60), Weights: new Dictionary<RespondentCategory, decimal>
            {
                [RespondentCategory.MemberState] = 1m,
                [RespondentCategory.SectorMember] = 0.5m,
                [RespondentCategory.Associate] = 0.5m,
                [RespondentCategory.Academia] = 0.5m,
                [RespondentCategory.Stakeholder] = 0.25m,
            }));
        var questions = new Dictionary<string, Guid>();
        foreach (var question in new AddQuestionRequest[]
        {
            DemoPortal.TextQuestion("1a", "What are the spheres of competence that Member States reserve for themselves?", QuestionTier.MemberStates),
            new("3a", "Should stakeholders take part in study groups?", QuestionTier.Open, QuestionType.SingleChoice, Options, false, null, null, null),
            new("3b", "How useful are the existing workshops?", QuestionTier.Open, QuestionType.Scale, null, false, null, 1, 5),
            DemoPortal.TextQuestion("3c", "What added value might stakeholders bring?", QuestionTier.Open),
        })
        {
            var added = Assert.IsType<AddQuestionOutcome.Added>(await services.GetRequiredService<AddQuestion>().AddAsync(null, consultation.Id, question));
            questions[added.Question.Code] = added.Question.Id;
        }
        Assert.IsType<ConsultationOutcome.Done>(await services.GetRequiredService<PublishConsultation>().PublishAsync(null, consultation.Id));

        var db = services.GetRequiredService<SurveyDbContext>();
        for (var i = 0; i < Texts.Length; i++)
        {
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Texts[i].Email);
            var entity = await db.Entities.AsNoTracking().SingleAsync(e => e.Id == account.EntityId);
            var respondent = new Identity.Respondent(account.Id, entity.Id, entity.Category);
            List<AnswerInput> answers =
            [
                new(questions["3a"], Choices: [Chosen[i].Choice]),
                new(questions["3b"], Value: Chosen[i].Value),
                new(questions["3c"], texts?.Invoke(i) ?? Texts[i].Text),
            ];
            if (i == 0)
                answers.Add(new(questions["1a"], "Spectrum and orbit policy."));
            Assert.IsType<SaveOutcome.Saved>(await services.GetRequiredService<SaveAnswers>().SaveAsync(respondent, consultation.Id, answers, null));
            Assert.IsType<SubmitOutcome.Submitted>(await services.GetRequiredService<SubmitAnswers>().SubmitAsync(respondent, consultation.Id, null));
        }
        Assert.Equal(CloseOutcome.Closed, await services.GetRequiredService<CloseConsultationNow>().CloseAsync(null, consultation.Id));
        return new AnsweredConsultation(consultation.Id, questions);
    }

    /// <summary>Waits until a compile at least as recent as the given attempt is ready (the compile is a real Hangfire job).</summary>
    public async Task WaitUntilCompiledAsync(DemoPortal portal, int attempts = 1)
    {
        for (var i = 0; i < 600; i++)
        {
            using var scope = portal.Server.Services.CreateScope();
            var analysis = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Analyses.AsNoTracking()
                .FirstOrDefaultAsync(a => a.ConsultationId == Id);
            if (analysis is { Status: AnalysisStatus.Ready } && analysis.Attempts >= attempts)
                return;
            await Task.Delay(100);
        }
        Assert.Fail("The analysis was not compiled within a minute.");
    }
}
