namespace SurveyService.Portal;

/// <summary>
/// A posted form read by hand, for the pages that must answer every body with a page: a body that is
/// not a form at all (415) and a form the reader refuses, such as one with a NUL in a field (400),
/// would otherwise be exceptions, so 500s.
/// </summary>
internal static class PortalForm
{
    public static async Task<(IFormCollection? Form, int RefusedWith)> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return (null, StatusCodes.Status415UnsupportedMediaType);
        try
        {
            return (await request.ReadFormAsync(), 0);
        }
        catch (InvalidDataException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }
    }
}
