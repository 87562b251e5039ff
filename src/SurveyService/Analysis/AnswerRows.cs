using System.Linq.Expressions;
using SurveyService.Data.Consultations;

namespace SurveyService.Analysis;

/// <summary>An answer of the version that counts (the latest submitted), with who gave it.</summary>
public sealed record AnswerRow(
    Guid AnswerId, Guid QuestionId, Guid EntityId, string EntityName, RespondentCategory Category,
    string? Text, List<string>? Choices, int? Value, bool Related, string? ScreeningReason, string? ScreenedBy, DateTime? ScreenedAt);

/// <summary>
/// The queries an analysis reads. Drafts never count and neither do earlier submitted versions:
/// only the answers of each submission's latest submitted version. Rows stream; none is held.
/// </summary>
internal sealed class AnswerRows(SurveyDbContext db, Guid consultationId)
{
    // Member-initialised (not positional) so that EF can translate the operators applied after the join.
    public sealed class Joined
    {
        public required Data.Submissions.SubmittedAnswer Answer { get; init; }
        public required Data.Entities.Entity Entity { get; init; }
        public required Question Question { get; init; }
    }

    /// <summary>
    /// Names the queries that stream the workbooks' rows, the compile's longest reads, in the
    /// database's view of running queries (and lets a test hold a compile there).
    /// </summary>
    public const string WorkbookRowsTag = "Analysis: workbook rows";

    /// <summary>Each answer of a latest submitted version with its entity and question, for any further filter or order.</summary>
    public IQueryable<Joined> Latest() =>
        from s in db.Submissions.AsNoTracking()
        where s.ConsultationId == consultationId && s.LatestSubmittedVersionId != null
        join a in db.SubmittedAnswers.AsNoTracking() on s.LatestSubmittedVersionId equals (Guid?)a.SubmittedVersionId
        join e in db.Entities.AsNoTracking() on s.EntityId equals e.Id
        join q in db.Questions.AsNoTracking() on a.QuestionId equals q.Id
        // Only this consultation's questions: the sheets look each answer's question up among them.
        where q.ConsultationId == consultationId
        select new Joined { Answer = a, Entity = e, Question = q };

    /// <summary>What the figures are made of: related answers only, without their text.</summary>
    public IAsyncEnumerable<(Guid QuestionId, RespondentCategory Category, List<string>? Choices, int? Value)> ForFiguresAsync() =>
        Latest().Where(j => j.Answer.Related)
            .Select(j => new ValueTuple<Guid, RespondentCategory, List<string>?, int?>(j.Answer.QuestionId, j.Entity.Category, j.Answer.Choices, j.Answer.Value))
            .AsAsyncEnumerable();

    /// <summary>
    /// Member States first, then the other categories in the contract's order: a rank the database
    /// sorts by, whichever way it stores the category.
    /// </summary>
    public static readonly Expression<Func<Joined, int>> CategoryRank = j =>
        j.Entity.Category == RespondentCategory.MemberState ? 0
        : j.Entity.Category == RespondentCategory.SectorMember ? 1
        : j.Entity.Category == RespondentCategory.Associate ? 2
        : j.Entity.Category == RespondentCategory.Academia ? 3 : 4;

    /// <summary>The related answers to one question, Member States first, then by category and entity name.</summary>
    public IAsyncEnumerable<AnswerRow> ForQuestionAsync(Guid questionId) =>
        Project(Latest().Where(j => j.Answer.QuestionId == questionId && j.Answer.Related)
            .OrderBy(CategoryRank).ThenBy(j => j.Entity.Name).ThenBy(j => j.Entity.Id));

    /// <summary>Every answer to questions of the given tiers, by entity then questionnaire order.</summary>
    public IAsyncEnumerable<AnswerRow> ForTiersAsync(IReadOnlyCollection<QuestionTier> tiers, bool related) =>
        Project(Latest().Where(j => tiers.Contains(j.Question.Tier) && j.Answer.Related == related)
            .OrderBy(j => j.Entity.Name).ThenBy(j => j.Entity.Id).ThenBy(j => j.Question.Order));

    private static IAsyncEnumerable<AnswerRow> Project(IQueryable<Joined> query) =>
        query.TagWith(WorkbookRowsTag).Select(j => new AnswerRow(j.Answer.Id, j.Answer.QuestionId, j.Entity.Id, j.Entity.Name, j.Entity.Category,
            j.Answer.Text, j.Answer.Choices, j.Answer.Value, j.Answer.Related, j.Answer.ScreeningReason, j.Answer.ScreenedBy, j.Answer.ScreenedAt))
            .AsAsyncEnumerable();
}
