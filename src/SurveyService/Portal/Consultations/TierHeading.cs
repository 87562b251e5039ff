using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using SurveyService.Questionnaires;
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

    /// <summary>The numerals of the tiers a category answers, as a sentence lists them ("ii and iii"), each kept as written.</summary>
    public static IHtmlContent NumeralsFor(IStringLocalizer t, RespondentCategory category)
    {
        var tiers = TierRule.TiersVisibleTo(category);
        var list = new HtmlContentBuilder();
        for (var i = 0; i < tiers.Count; i++)
        {
            if (i > 0)
                list.Append(i == tiers.Count - 1 ? t[" and "] : t[", "]);
            list.AppendHtml(new HtmlFormattableString("<bdi dir=\"ltr\" translate=\"no\">{0}</bdi>", Numeral(tiers[i])));
        }
        return list;
    }
}
