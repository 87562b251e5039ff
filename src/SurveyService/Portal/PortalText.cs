namespace SurveyService.Portal;

/// <summary>
/// The interface's strings, keyed by their English text, in <c>PortalText.resx</c> (English) and
/// one file per other language. A key missing from a language is caught by PortalTranslationTests.
/// </summary>
public sealed class PortalText;
