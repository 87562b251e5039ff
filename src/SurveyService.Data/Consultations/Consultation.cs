namespace SurveyService.Data.Consultations;

public sealed class Consultation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string Description { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime OpensAt { get; set; }

    /// <summary>UTC. Moving it moves the close.</summary>
    public DateTime ClosesAt { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Set once on publish; questions are frozen from then on.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Set by the close (deadline job or a Secretariat request).</summary>
    public DateTime? ClosedAt { get; set; }

    public List<RespondentCategory> EligibleCategories { get; set; } = [];
    public List<CategoryWeight> Weights { get; set; } = [];
    public List<Question> Questions { get; init; } = [];
}

public sealed class CategoryWeight
{
    public RespondentCategory Category { get; set; }
    public decimal Weight { get; set; }
}
