namespace SurveyService.Analysis;

/// <summary>Respondents as a share of the entities that could have answered; none when no entity could.</summary>
internal static class ResponseRate
{
    public static double? Of(int respondents, int eligibleEntities) =>
        eligibleEntities <= 0 ? null : (double)respondents / eligibleEntities;
}
