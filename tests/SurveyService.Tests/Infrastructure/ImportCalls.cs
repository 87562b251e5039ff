using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Accounts.Import;

namespace SurveyService.Tests.Infrastructure;

/// <summary>Sending lists to POST /api/entities/import, and reading what the database holds afterwards.</summary>
public static class ImportCalls
{
    public const string Path = "/api/entities/import";
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task<HttpResponseMessage> ImportCsvAsync(this HttpClient client, string csv, bool dryRun = false) =>
        client.ImportAsync(Encoding.UTF8.GetBytes(csv), CsvType, dryRun);

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, byte[] body, string? mediaType, bool dryRun = false)
    {
        using var content = new ByteArrayContent(body);
        if (mediaType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return await client.PostAsync(dryRun ? Path + "?dryRun=true" : Path, content);
    }

    /// <summary>As a browser's form sends it: the file in the field named "file", with its name and the type the browser guessed.</summary>
    public static async Task<HttpResponseMessage> ImportFormAsync(this HttpClient client, byte[] file, string fileName, string mediaType,
        string field = "file", bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        form.Add(part, field, fileName);
        return await client.PostAsync(dryRun ? Path + "?dryRun=true" : Path, form);
    }

    /// <summary>The rows as a workbook's first worksheet, every value written as text.</summary>
    public static byte[] Workbook(params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Entities");
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The problems a refused import lists beside its errors, as the service's own type.</summary>
    public static EntityImportProblem[] Problems(this JsonElement problem) =>
        problem.GetProperty("problems").Deserialize<EntityImportProblem[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public static async Task<int> EntityCountAsync(this SurveyApplication app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Entities.CountAsync();
    }

    public static async Task<int> AccountCountAsync(this SurveyApplication app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Users.CountAsync();
    }

    /// <summary>The account of an address: its entity and whether it has a password.</summary>
    public static async Task<(Guid? EntityId, bool HasPassword)?> AccountAsync(this SurveyApplication app, string email)
    {
        using var scope = app.Services.CreateScope();
        var normalized = email.ToUpperInvariant();
        var user = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.NormalizedEmail == normalized);
        return user is null ? null : (user.EntityId, user.PasswordHash is not null);
    }
}
