namespace SurveyService.Problems;

/// <summary>A value given by its name exactly as the contract spells it; Enum.TryParse would also take "0", "+2" and "A,B".</summary>
internal static class EnumName
{
    public static bool TryParse<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return name is not null && Enum.GetNames<TEnum>().Contains(name, StringComparer.Ordinal) && Enum.TryParse(name, out value);
    }
}
