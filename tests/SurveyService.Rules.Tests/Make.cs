namespace SurveyService.Rules.Tests;

/// <summary>Small builders for the entities the rules read; every value a test does not name is a plain default.</summary>
internal static class Make
{
    public static readonly DateTime Now = new(2025, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    public static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    public static Question Question(string code, QuestionTier tier = QuestionTier.Open, QuestionType type = QuestionType.Text,
        bool required = false, int order = 0, string[]? options = null, int? maxLength = null, int? scaleMin = null, int? scaleMax = null,
        Guid? id = null) => new()
        {
            Id = id ?? Guid.NewGuid(),
            Code = code,
            Text = $"Question {code}",
            Tier = tier,
            Type = type,
            Required = required,
            Order = order,
            Options = [.. options ?? []],
            MaxLength = maxLength,
            ScaleMin = scaleMin,
            ScaleMax = scaleMax,
        };
}
