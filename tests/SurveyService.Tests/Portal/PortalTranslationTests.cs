using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>
/// No interface string is left untranslated: every string of the English resources has a
/// translation in the five other languages, every string the pages ask for exists, and a page read
/// in Arabic, Chinese or Russian has no Latin word outside what people wrote (titles, names).
/// </summary>
public sealed partial class PortalTranslationTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private static readonly string[] Others = ["ar", "zh", "fr", "ru", "es"];

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SurveyService.sln")))
                directory = directory.Parent;
            return directory!.FullName;
        }
    }

    private static string PortalFolder => Path.Combine(RepositoryRoot, "src", "SurveyService", "Portal");

    private static Dictionary<string, string> Strings(string culture) =>
        XDocument.Load(Path.Combine(PortalFolder, culture == "en" ? "PortalText.resx" : $"PortalText.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Theory]
    [InlineData("ar")]
    [InlineData("zh")]
    [InlineData("fr")]
    [InlineData("ru")]
    [InlineData("es")]
    public void EveryEnglishStringHasATranslationWithTheSamePlaceholders(string culture)
    {
        var english = Strings("en");
        var translated = Strings(culture);

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        foreach (var (key, value) in translated)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"'{key}' is empty in {culture}.");
            Assert.Equal(Placeholder().Matches(key).Select(m => m.Value).Order(), Placeholder().Matches(value).Select(m => m.Value).Order());
        }
    }

    [Fact]
    public void EveryStringThePagesAskForIsInTheResources()
    {
        var english = Strings("en");
        var asked = Directory.EnumerateFiles(PortalFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Asked().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups["key"].Value))));

        Assert.Empty(asked.Where(a => !english.ContainsKey(a.Key)).Select(a => $"{a.File}: {a.Key}"));
    }

    public static readonly TheoryData<string> NonLatin = new() { "ar", "zh", "ru" };

    [Theory]
    [MemberData(nameof(NonLatin))]
    public async Task APageInANonLatinScriptHasNoLatinWordOutsideWhatPeopleWrote(string culture)
    {
        using var anonymous = app.CreateHttpsClient();
        var respondent = await app.AsRespondentAsync(Data.RespondentCategory.Stakeholder);
        var consultation = await app.CreateConsultationAsync();
        var q = await app.QuestionIdsAsync(consultation);
        using var signedIn = await new PortalBrowser(app).SignInWithCookieAsync(respondent.Email, SurveyApplication.Password);
        // The cookie opens the API too: one submitted answer, so the review and receipt pages have something to show.
        (await signedIn.SaveAsync(consultation, [new { questionId = q["3a"], text = "an answer" }])).EnsureSuccessStatusCode();
        (await signedIn.SubmitAsync(consultation)).EnsureSuccessStatusCode();
        var analystEmail = $"analyst-{Guid.NewGuid():N}@test.example.org";
        (await (await app.AsSecretariatAsync()).PostAsJsonAsync("/api/staff",
            new { email = analystEmail, displayName = "Analyst", password = SurveyApplication.Password, role = "Analyst" })).EnsureSuccessStatusCode();
        using var analyst = await new PortalBrowser(app).SignInWithCookieAsync(analystEmail, SurveyApplication.Password);
        var closed = await app.CloseWithAnswersAsync(answers: (q, i) => [new { questionId = q["3a"], text = $"answer {i}" }, new { questionId = q["2a"], choices = new[] { "Yes" } }]);
        await (await app.AsAnalystAsync()).WaitForAnalysisAsync(closed.Id);
        // A theme, so the queue shows each answer's themes and the themes page its list.
        (await (await app.AsAnalystAsync()).PostAsJsonAsync($"/api/consultations/{closed.Id}/themes", new { name = "a theme" })).EnsureSuccessStatusCode();
        using var secretariat = await new PortalBrowser(app).SignInWithCookieAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        var themesPage = await analyst.GetStringAsync($"/analysis/{closed.Id}/themes?culture={culture}");
        var draft = await app.CreateConsultationAsync(publish: false);
        var draftQuestion = (await app.QuestionIdsAsync(draft))["2a"];
        var frozenQuestion = (await app.QuestionIdsAsync(consultation)).Values.First();
        var registerWithErrors = await anonymous.PostAsync($"/account/register?culture={culture}", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Email"] = "x", ["Password"] = "", ["Name"] = "", ["Country"] = "Switzerland" }));

        var pages = new Dictionary<string, string>
        {
            ["/ signed out"] = await anonymous.GetStringAsync($"/?culture={culture}"),
            ["/ signed in"] = await signedIn.GetStringAsync($"/?culture={culture}"),
            ["/consultations/{id}"] = await signedIn.GetStringAsync($"/consultations/{consultation}?culture={culture}"),
            ["/consultations/{id} signed out"] = await anonymous.GetStringAsync($"/consultations/{consultation}?culture={culture}"),
            ["/consultations/{id}/review"] = await signedIn.GetStringAsync($"/consultations/{consultation}/review?culture={culture}"),
            ["/consultations/{id}/receipt"] = await signedIn.GetStringAsync($"/consultations/{consultation}/receipt?culture={culture}"),
            ["/account/login"] = await anonymous.GetStringAsync($"/account/login?culture={culture}"),
            ["/account/register"] = await anonymous.GetStringAsync($"/account/register?culture={culture}"),
            ["/account/register with errors"] = await registerWithErrors.Content.ReadAsStringAsync(),
            ["/manage"] = await secretariat.GetStringAsync($"/manage?culture={culture}"),
            ["/manage/consultations/{id}"] = await secretariat.GetStringAsync($"/manage/consultations/{consultation}?culture={culture}"),
            ["/manage/consultations/{id}/preview"] = await secretariat.GetStringAsync($"/manage/consultations/{consultation}/preview?category=Academia&culture={culture}"),
            ["/manage/consultations/{id}/close"] = await secretariat.GetStringAsync($"/manage/consultations/{consultation}/close?culture={culture}"),
            ["/manage/consultations/{id}/publish"] = await secretariat.GetStringAsync($"/manage/consultations/{consultation}/publish?culture={culture}"),
            ["/manage/consultations/{id}/extend"] = await secretariat.GetStringAsync($"/manage/consultations/{consultation}/extend?culture={culture}"),
            ["/manage/consultations/{id}/audit"] = await secretariat.GetStringAsync($"/manage/consultations/{consultation}/audit?culture={culture}"),
            ["/manage/consultations/{id} draft"] = await secretariat.GetStringAsync($"/manage/consultations/{draft}?culture={culture}"),
            ["/manage/consultations/{id}/edit draft"] = await secretariat.GetStringAsync($"/manage/consultations/{draft}/edit?culture={culture}"),
            ["/manage/consultations/{id}/edit"] = await secretariat.GetStringAsync($"/manage/consultations/{consultation}/edit?culture={culture}"),
            ["/manage/consultations/{id}/questions/{questionId}"] =
                await secretariat.GetStringAsync($"/manage/consultations/{draft}/questions/{draftQuestion}?culture={culture}"),
            ["/manage/consultations/{id}/questions/{questionId}/remove"] =
                await secretariat.GetStringAsync($"/manage/consultations/{draft}/questions/{draftQuestion}/remove?culture={culture}"),
            ["/manage/consultations/{id}/questions/{questionId} published"] = await (await secretariat.GetAsync(
                $"/manage/consultations/{consultation}/questions/{frozenQuestion}?culture={culture}")).Content.ReadAsStringAsync(),
            ["/manage/entities"] = await secretariat.GetStringAsync($"/manage/entities?culture={culture}"),
            ["/manage/entities/import"] = await secretariat.GetStringAsync($"/manage/entities/import?culture={culture}"),
            ["/manage/consultations/new"] = await secretariat.GetStringAsync($"/manage/consultations/new?culture={culture}"),
            ["/analysis"] = await analyst.GetStringAsync($"/analysis?culture={culture}"),
            ["/analysis/{id}/workbook before the close"] = await (await analyst.GetAsync($"/analysis/{consultation}/workbook?culture={culture}"))
                .Content.ReadAsStringAsync(),
            ["/analysis/{id}/results"] = await analyst.GetStringAsync($"/analysis/{closed.Id}/results?culture={culture}"),
            ["/analysis/{id}/results/{questionId}"] = await analyst.GetStringAsync($"/analysis/{closed.Id}/results/{closed.Questions["3a"]}?culture={culture}"),
            ["/analysis/{id}/screening"] = await analyst.GetStringAsync($"/analysis/{closed.Id}/screening?culture={culture}"),
            ["/analysis/{id}/themes"] = themesPage,
            ["/analysis/{id}/themes refused"] = await (await analyst.PostAsync($"/analysis/{closed.Id}/themes?culture={culture}", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["theme"] = "", ["__RequestVerificationToken"] = HtmlForms.Hidden(themesPage, "__RequestVerificationToken") })))
                .Content.ReadAsStringAsync(),
            ["/analysis/{id}/recompile"] = await analyst.GetStringAsync($"/analysis/{closed.Id}/recompile?culture={culture}"),
            ["404"] = await (await anonymous.GetAsync($"/no-such-page?culture={culture}")).Content.ReadAsStringAsync(),
        };

        foreach (var (name, html) in pages)
        {
            var document = new HtmlParser().ParseDocument(html);
            Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
            var latin = InterfaceText(document.Body!).SelectMany(t => LatinWord().Matches(t).Select(m => m.Value))
                .Where(word => !Allowed.Contains(word)).ToList();
            Assert.True(latin.Count == 0, $"{name} in {culture} has untranslated words: {string.Join(", ", latin)}");
        }
    }

    /// <summary>Words that are the same in every language: a time standard, a hash's name, country codes in hints, an example address.</summary>
    // Names of standards and file formats, written as they are in every language.
    private static readonly HashSet<string> Allowed = ["UTC", "SHA", "CH", "KE", "name", "example", "org", "CSV", "xlsx"];

    /// <summary>The interface's own text: not what people wrote (data-content), not names (translate=no), not another language's own name.</summary>
    private static IEnumerable<string> InterfaceText(INode node)
    {
        if (node is IElement element && (element.HasAttribute("data-content") || element.GetAttribute("translate") == "no"
            || element.LocalName is "script" or "style" || (element.HasAttribute("lang") && element != element.Owner!.DocumentElement)))
            yield break;
        if (node is IText text)
            yield return text.Data;
        if (node is IElement withAttributes)
            foreach (var attribute in new[] { "aria-label", "title", "placeholder", "alt" })
                if (withAttributes.GetAttribute(attribute) is { } value)
                    yield return value;
        foreach (var child in node.ChildNodes)
            foreach (var inner in InterfaceText(child))
                yield return inner;
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""(?<![A-Za-z])[tT]\["(?<key>(?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex Asked();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
