using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Data.Submissions;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>
/// A consultation's audit trail for the Secretariat, newest first: what the Secretariat did to it
/// (ConsultationEvents), what the focal points saved and submitted (SubmissionEvents) and how
/// analysts screened answers (ScreeningDecisions), each entry a sentence in the reader's language
/// with who, when and the reason. A page holds <see cref="PageSize"/> entries, so a large
/// consultation's page stays small; GET /api/consultations/{id}/history has the Secretariat's part in full.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class AuditTrailModel(SurveyDbContext db, IStringLocalizer<PortalText> t) : PageModel
{
    /// <summary>Entries on one page.</summary>
    public const int PageSize = 50;

    /// <summary>The deepest page served: each page reads every newer entry of each kind, so paging stops here (the newest 5,000).</summary>
    public const int MaxPage = 100;

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>1 is the newest entries.</summary>
    public int PageNumber { get; private set; } = 1;
    public int First => (PageNumber - 1) * PageSize + 1;
    public bool HasOlder => PageNumber < MaxPage && First - 1 + Rows.Count < Total;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "page")] int? page)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return NotFound();
        Consultation = consultation;
        PageNumber = Math.Clamp(page ?? 1, 1, MaxPage);
        // The entries up to this page's last, of each kind; merged by time, this page's are the last PageSize of them.
        var shown = PageNumber * PageSize;

        var changes = await db.ConsultationEvents.AsNoTracking().Where(e => e.ConsultationId == id)
            .OrderByDescending(e => e.Id).Take(shown).ToListAsync();
        var submissions = await (
            from e in db.SubmissionEvents
            join s in db.Submissions on e.SubmissionId equals s.Id
            join entity in db.Entities on s.EntityId equals entity.Id
            where s.ConsultationId == id
            orderby e.At descending, e.Id descending
            select new SubmissionRow(e.Action, e.At, e.UserId, entity.Name,
                db.SubmittedVersions.Where(v => v.Id == e.SubmittedVersionId).Select(v => (int?)v.Number).FirstOrDefault()))
            .Take(shown).ToListAsync();
        var screenings = await (
            from d in db.ScreeningDecisions
            join a in db.SubmittedAnswers on d.SubmittedAnswerId equals a.Id
            join q in db.Questions on a.QuestionId equals q.Id
            join v in db.SubmittedVersions on a.SubmittedVersionId equals v.Id
            join s in db.Submissions on v.SubmissionId equals s.Id
            join entity in db.Entities on s.EntityId equals entity.Id
            where d.ConsultationId == id
            orderby d.Id descending
            select new ScreeningRow(d.Related, d.Reason, d.UserId, d.At, q.Code, entity.Name))
            .Take(shown).ToListAsync();
        Total = await db.ConsultationEvents.CountAsync(e => e.ConsultationId == id)
            + await db.SubmissionEvents.CountAsync(e => db.Submissions.Any(s => s.Id == e.SubmissionId && s.ConsultationId == id))
            + await db.ScreeningDecisions.CountAsync(d => d.ConsultationId == id);

        var who = await ConsultationHistory.ActorsAsync(db,
            changes.Select(e => e.UserId).Concat(submissions.Select(e => e.UserId)).Concat(screenings.Select(e => e.UserId)));
        string? Who(string? userId) => userId is null ? null : who.GetValueOrDefault(userId)?.Email ?? userId;
        Rows = [.. changes.Select(e => new AuditRow(e.At, e.UserId is not null, Who(e.UserId), What(e), e.Reason, $"c{e.Id}"))
            .Concat(submissions.Select((e, i) => new AuditRow(e.At, true, Who(e.UserId), What(e), null, $"s{i}")))
            .Concat(screenings.Select((e, i) => new AuditRow(e.At, true, Who(e.UserId), What(e), e.Reason, $"d{i}")))
            .OrderByDescending(r => r.At)
            .Skip(First - 1)
            .Take(PageSize)];
        return Page();
    }

    private IHtmlContent What(ConsultationEvent e)
    {
        string Instant(string? kept) => ConsultationEvents.ReadInstant(kept) is { } at ? PortalSentence.Time(at) : PortalSentence.Words(kept ?? "");
        string Text(string? kept) => PortalSentence.Content(kept ?? "");
        string Code() => PortalSentence.Code(e.Subject ?? "");
        return (e.Action, e.Subject) switch
        {
            (ConsultationAction.Created, _) => Sentence(t["Created the consultation"]),
            (ConsultationAction.Changed, "title") => Sentence(t["Changed the title from {0} to {1}", "{0}", "{1}"], Text(e.Before), Text(e.After)),
            (ConsultationAction.Changed, "description") => Sentence(t["Changed the description"]),
            (ConsultationAction.Changed, "opensAt") => Sentence(t["Changed the opening from {0} to {1}", "{0}", "{1}"], Instant(e.Before), Instant(e.After)),
            (ConsultationAction.Changed, "closesAt") => Sentence(t["Changed the deadline from {0} to {1}", "{0}", "{1}"], Instant(e.Before), Instant(e.After)),
            (ConsultationAction.Changed, "eligibleCategories") => Sentence(t["Changed who may answer from {0} to {1}", "{0}", "{1}"],
                PortalSentence.Words(Categories(e.Before)), PortalSentence.Words(Categories(e.After))),
            (ConsultationAction.Changed, "weights") => Sentence(t["Changed the weights from {0} to {1}", "{0}", "{1}"],
                PortalSentence.Words(Weights(e.Before)), PortalSentence.Words(Weights(e.After))),
            (ConsultationAction.Changed, _) => Sentence(t["Changed the consultation"]),
            (ConsultationAction.QuestionAdded, _) => Sentence(t["Added question {0}", "{0}"], Code()),
            (ConsultationAction.QuestionChanged, _) => Sentence(t["Changed question {0}", "{0}"], Code()),
            (ConsultationAction.QuestionRemoved, _) => Sentence(t["Removed question {0}", "{0}"], Code()),
            (ConsultationAction.QuestionsReordered, _) when e.Before is not null && e.After is not null =>
                Sentence(t["Reordered the questions from {0} to {1}", "{0}", "{1}"], PortalSentence.Code(e.Before), PortalSentence.Code(e.After)),
            (ConsultationAction.QuestionsReordered, _) => Sentence(t["Reordered the questions"]),
            (ConsultationAction.Published, _) => Sentence(t["Published the consultation"]),
            (ConsultationAction.DeadlineExtended, _) when ConsultationEvents.ReadInstant(e.After) < ConsultationEvents.ReadInstant(e.Before) =>
                Sentence(t["Brought the deadline forward from {0} to {1}", "{0}", "{1}"], Instant(e.Before), Instant(e.After)),
            (ConsultationAction.DeadlineExtended, _) => Sentence(t["Extended the deadline from {0} to {1}", "{0}", "{1}"], Instant(e.Before), Instant(e.After)),
            (ConsultationAction.Closed, _) when e.UserId is null => Sentence(t["Closed at the deadline (automatically)"]),
            _ => Sentence(t["Closed the consultation"]),
        };
    }

    private IHtmlContent What(SubmissionRow e) => e.Action == SubmissionAction.Submitted
        ? Sentence(t["Submitted version {0} for {1}", "{0}", "{1}"], PortalSentence.Words(PortalNames.Number(e.Number ?? 0)), PortalSentence.Content(e.Entity))
        : Sentence(t["Saved a draft for {0}", "{0}"], PortalSentence.Content(e.Entity));

    private IHtmlContent What(ScreeningRow e) => e.Related
        ? Sentence(t["Marked an answer to {0} by {1} related again", "{0}", "{1}"], PortalSentence.Code(e.Code), PortalSentence.Content(e.Entity))
        : Sentence(t["Marked an answer to {0} by {1} not related", "{0}", "{1}"], PortalSentence.Code(e.Code), PortalSentence.Content(e.Entity));

    private static IHtmlContent Sentence(LocalizedString template, params string[] blanks) => PortalSentence.Fill(template, blanks);

    private string Categories(string? kept) => PortalNames.Categories(t, Parsed(kept).Select(p => p.Category));

    private string Weights(string? kept) =>
        string.Join(t[", "], Parsed(kept).Select(p => $"{PortalNames.Category(t, p.Category)}: {p.Weight?.ToString("0.####", CultureInfo.CurrentCulture)}"));

    /// <summary>Categories, with a weight where one is given, as <see cref="ConsultationEvents"/> writes them.</summary>
    private static IEnumerable<(RespondentCategory Category, decimal? Weight)> Parsed(string? kept)
    {
        foreach (var part in (kept ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, weight) = part.Split('=') is [var n, var w] ? (n, w) : (part, null);
            if (Enum.TryParse<RespondentCategory>(name, out var category))
                yield return (category, decimal.TryParse(weight, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null);
        }
    }

    private sealed record SubmissionRow(SubmissionAction Action, DateTime At, string UserId, string Entity, int? Number);

    private sealed record ScreeningRow(bool Related, string? Reason, string UserId, DateTime At, string Code, string Entity);
}

/// <summary>One line of the audit trail: when, whether a person acted (or the service), who, what, and the reason given.</summary>
internal sealed record AuditRow(DateTime At, bool ByPerson, string? Who, IHtmlContent What, string? Reason, string Key);
