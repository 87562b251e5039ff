using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SurveyService.Accounts.Import;

/// <summary>What a request to import carried: a file, or why there is none to import.</summary>
internal abstract record ImportUpload
{
    public const string FileField = "file";

    public sealed record File(ImportFile Content) : ImportUpload;

    public sealed record TooLarge(long LimitBytes) : ImportUpload;

    /// <summary>Neither CSV nor .xlsx, by its media type or its file name (as sent).</summary>
    public sealed record Unsupported(string? MediaType, string? FileName) : ImportUpload;

    public sealed record NoFile : ImportUpload;

    public sealed record BrokenForm(string Reason) : ImportUpload;

    /// <summary>
    /// The body read whole, up to the limit, whatever its declared length (a chunked body has none):
    /// the file itself, or a form (multipart/form-data) with the file in its field named "file".
    /// </summary>
    public static async Task<ImportUpload> ReadAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
            return new TooLarge(limit);
        var body = await ReadAsync(request.Body, limit, request.HttpContext.RequestAborted);
        if (body is null)
            return new TooLarge(limit);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return ImportFormats.Detect(request.ContentType, null) is { } format
                ? new File(new ImportFile(format, body))
                : new Unsupported(request.ContentType, null);
        return await FromFormAsync(body, HeaderUtilities.RemoveQuotes(type.Boundary).Value);
    }

    private static async Task<ImportUpload> FromFormAsync(byte[] body, string? boundary)
    {
        if (string.IsNullOrEmpty(boundary))
            return new BrokenForm("its Content-Type names no boundary");
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false));
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FileField, StringComparison.Ordinal))
                    continue;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content);
                return ImportFormats.Detect(section.ContentType, fileName) is { } format
                    ? new File(new ImportFile(format, content.ToArray()))
                    : new Unsupported(section.ContentType, fileName);
            }
            return new NoFile();
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            return new BrokenForm(exception.Message);
        }
    }

    /// <summary>The body, or null once it passes the limit.</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > limit)
                return null;
            content.Write(buffer, 0, read);
        }
        return content.ToArray();
    }
}
