using System.Linq.Expressions;
using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

/// <summary>
/// A consultation's schedule and what follows from it at an instant: its status, whether its
/// close is due, and who is eligible. The "due" condition is written once, as an expression: the
/// close job, the sweep and the Secretariat's close run it in SQL, and every read in C#.
/// </summary>
internal sealed class ConsultationSchedule
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";

    /// <summary>UTC.</summary>
    public DateTime OpensAt { get; init; }

    /// <summary>UTC: the deadline.</summary>
    public DateTime ClosesAt { get; init; }

    public DateTime? PublishedAt { get; init; }

    /// <summary>When the close ran (at the deadline, or earlier on the Secretariat's request).</summary>
    public DateTime? ClosedAt { get; init; }

    public IReadOnlyList<RespondentCategory> EligibleCategories { get; init; } = [];

    /// <summary>The schedule of a consultation; member-initialised so that EF translates conditions on it.</summary>
    // Stryker disable once Initializer : OnConsultation reads this member-init expression; a mutated
    // initializer would break every build of the mutants, not test one (docs/mutation-testing.md).
    public static readonly Expression<Func<Consultation, ConsultationSchedule>> Of = c => new ConsultationSchedule
    {
        Id = c.Id,
        Title = c.Title,
        OpensAt = c.OpensAt,
        ClosesAt = c.ClosesAt,
        PublishedAt = c.PublishedAt,
        ClosedAt = c.ClosedAt,
        EligibleCategories = c.EligibleCategories,
    };

    /// <summary>Published and its close not run yet: a close may still happen.</summary>
    private static readonly Expression<Func<ConsultationSchedule, bool>> Unclosed = s => s.PublishedAt != null && s.ClosedAt == null;

    /// <summary>Its close is due: published, not closed yet, and the deadline reached by the server's clock.</summary>
    private static readonly Expression<Func<ConsultationSchedule, DateTime, bool>> Due =
        (s, now) => s.PublishedAt != null && s.ClosedAt == null && s.ClosesAt <= now;

    private static readonly Func<Consultation, ConsultationSchedule> FromEntity = Of.Compile();
    private static readonly Func<ConsultationSchedule, DateTime, bool> IsDueAt = Due.Compile();

    public static ConsultationSchedule From(Consultation consultation) => FromEntity(consultation);

    public bool IsDue(DateTime now) => IsDueAt(this, now);

    /// <summary>
    /// A published consultation is Closed once its close has run or its deadline has passed on the
    /// server's clock, whichever the server sees first; before opensAt it is Scheduled.
    /// </summary>
    public ConsultationStatus StatusAt(DateTime now) =>
        PublishedAt is null ? ConsultationStatus.Draft
        : ClosedAt is not null || IsDue(now) ? ConsultationStatus.Closed
        : now < OpensAt ? ConsultationStatus.Scheduled
        : ConsultationStatus.Open;

    /// <summary>Whether respondents of the category may take part at all.</summary>
    public bool Admits(RespondentCategory category) => EligibleCategories.Contains(category);

    /// <summary>Consultations whose close is due at the instant, for queries and conditional updates.</summary>
    public static Expression<Func<Consultation, bool>> DueAt(DateTime now) => OnConsultation(Due, now);

    /// <summary>Published consultations whose close has not run, for the Secretariat's close now.</summary>
    public static Expression<Func<Consultation, bool>> NotClosed() => OnConsultation(Unclosed);

    private static Expression<Func<Consultation, bool>> OnConsultation(LambdaExpression condition, DateTime? now = null)
    {
        var projection = (MemberInitExpression)Of.Body;
        var fields = projection.Bindings.OfType<MemberAssignment>().ToDictionary(b => b.Member.Name, b => b.Expression);
        // A captured value, not a constant, so that EF sends the instant as a query parameter.
        Expression? instant = now is { } value ? Expression.Property(Expression.Constant(new Captured(value)), nameof(Captured.Now)) : null;
        var body = new Inline(condition.Parameters[0], fields, condition.Parameters.ElementAtOrDefault(1), instant).Visit(condition.Body);
        return Expression.Lambda<Func<Consultation, bool>>(body, Of.Parameters);
    }

    private sealed record Captured(DateTime Now);

    /// <summary>Puts the consultation's own columns where the condition reads the schedule's fields.</summary>
    private sealed class Inline(ParameterExpression schedule, Dictionary<string, Expression> fields, ParameterExpression? now, Expression? instant)
        : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == schedule ? fields[node.Member.Name] : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == now && instant is not null ? instant : base.VisitParameter(node);
    }
}
