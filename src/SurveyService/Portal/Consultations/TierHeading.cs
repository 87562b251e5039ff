using Microsoft.Extensions.Localization;
using SurveyService.Data.Consultations;

namespace SurveyService.Portal.Consultations;

/// <summary>A tier as seed 004 names it: its roman numeral and to whom its questions are addressed.</summary>
internal static class TierHeading
{
    public static string Numeral(QuestionTier tier) => tier switch
    {
        QuestionTier.MemberStates => "i",
        QuestionTier.Membership => "ii",
        _ => "iii",
    };

    public static string Name(IStringLocalizer t, QuestionTier tier) => tier switch
    {
        QuestionTier.MemberStates => t["Questions to Member States only"],
        QuestionTier.Membership => t["Questions to Member States, Sector Members, Associates and Academia"],
        _ => t["Open consultation: questions to everyone, members and all stakeholders"],
    };
}
