using System.Net;

namespace SurveyService.LoadTest;

/// <summary>A respondent signed in to the portal, with its answers already encoded as the questionnaire's fields.</summary>
internal sealed record PortalRespondent(int Index, RespondentCategory Category, PortalSession Session, string AnswerFields);

/// <summary>
/// A respondent answering through the portal's pages the way a browser without script does: open
/// the questionnaire, post it with "Review and submit", open the review, post Submit, open the
/// receipt. Five requests where the API takes three (questionnaire, save, submit), because each
/// post answers with a redirect to the next page, as forms without script must.
/// </summary>
internal static class PortalJourney
{
    public const string Form = "form";
    public const string Save = "save";
    public const string Review = "review";
    public const string Submit = "submit";
    public const string Receipt = "receipt";

    public static readonly string[] Steps = [Form, Save, Review, Submit, Receipt];

    private const string QuestionnaireForm = "class=\"questionnaire\"";

    public static async Task<bool> AnswerAsync(HttpClient http, Guid consultationId, PortalRespondent respondent, Measurements measurements)
    {
        var session = respondent.Session;
        var page = $"/consultations/{consultationId}";
        string? token = null, version = null;
        var form = await session.StepAsync(http, measurements, Form, HttpMethod.Get, page, null, HttpStatusCode.OK,
            check: html => (token = PortalForms.Hidden(html, QuestionnaireForm, PortalForms.Token)) is null
                || (version = PortalForms.Hidden(html, QuestionnaireForm, "version")) is null
                ? "no questionnaire form with its token and version" : null);
        if (form is null)
            return false;

        // The button "Review and submit" is the one pressed; version is empty before a first save, as the page sent it.
        var fields = PortalForms.Encode([(PortalForms.Token, token!), ("version", version!)]) + "&" + respondent.AnswerFields + "&next=review";
        if (await session.StepAsync(http, measurements, Save, HttpMethod.Post, page, PortalForms.Body(fields), HttpStatusCode.Found,
                location: $"{page}/review") is null)
            return false;

        const string SubmitForm = "<div class=\"actions\">";
        var review = await session.StepAsync(http, measurements, Review, HttpMethod.Get, $"{page}/review", null, HttpStatusCode.OK,
            check: html => (token = PortalForms.Hidden(html, SubmitForm, PortalForms.Token)) is null
                || string.IsNullOrEmpty(version = PortalForms.Hidden(html, SubmitForm, "version"))
                ? "no Submit form with its token and version (a required answer missing?)" : null);
        if (review is null)
            return false;

        var submit = PortalForms.Encode([(PortalForms.Token, token!), ("version", version!)]);
        var receipt = $"{page}/receipt?submitted=true";
        if (await session.StepAsync(http, measurements, Submit, HttpMethod.Post, $"{page}/review", PortalForms.Body(submit), HttpStatusCode.Found,
                location: receipt) is null)
            return false;

        return await session.StepAsync(http, measurements, Receipt, HttpMethod.Get, receipt, null, HttpStatusCode.OK,
            check: html => html.Contains("Contribution number", StringComparison.Ordinal) ? null : "no contribution number on the receipt") is not null;
    }
}
