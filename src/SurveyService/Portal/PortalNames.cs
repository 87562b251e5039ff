using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using SurveyService.Data.Consultations;

namespace SurveyService.Portal;

/// <summary>The domain's words as the interface says them, in the reader's language.</summary>
internal static class PortalNames
{
    public static string Category(IStringLocalizer t, RespondentCategory category) => category switch
    {
        RespondentCategory.MemberState => t["Member States"],
        RespondentCategory.SectorMember => t["Sector Members"],
        RespondentCategory.Associate => t["Associates"],
        RespondentCategory.Academia => t["Academia"],
        _ => t["Stakeholders"],
    };

    public static string Categories(IStringLocalizer t, IEnumerable<RespondentCategory> categories) =>
        string.Join(t[", "], categories.Order().Select(c => Category(t, c)));

    /// <summary>A UTC instant as the culture writes a date and time, marked UTC; the script adds the reader's own time beside it.</summary>
    public static string Utc(DateTime utc) =>
        $"{utc.ToString("f", CultureInfo.CurrentCulture)} UTC";

    /// <summary>A count as the culture groups its digits (10,000; 10 000; 10.000).</summary>
    public static string Number(long count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Data inside a translated sentence (an address, a code): isolated in its own direction and never translated.</summary>
    public static IHtmlContent Data(string value) => new HtmlFormattableString("<bdi translate=\"no\">{0}</bdi>", value);

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
