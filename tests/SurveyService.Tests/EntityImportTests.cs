using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Accounts;
using SurveyService.Accounts.Import;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// The Secretariat imports its lists of entities and focal points (POST /api/entities/import):
/// a dry run reports every problem row by row; an import writes all of a clean file or nothing.
/// </summary>
public sealed class EntityImportTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static string Email(string who, string tag) => $"{who}-{tag}@test.example.org";

    [Fact]
    public async Task ADryRunReportsEachProblemOnItsRowAndColumnAndWritesNothing()
    {
        var tag = Tag();
        var secretariat = await app.AsSecretariatAsync();
        var existing = $"Existing Ministry {tag}";
        (await secretariat.PostAsJsonAsync("/api/entities", new { name = existing, category = "MemberState" })).EnsureSuccessStatusCode();
        var (entities, accounts) = (await app.EntityCountAsync(), await app.AccountCountAsync());

        var response = await secretariat.ImportCsvAsync($"""
            name,category,countryCode,emails
            Ministry A {tag},MemberState,CH,{Email("a", tag)}
            ,SectorMember,,{Email("b", tag)}
            Operator C {tag},Martian,,{Email("c", tag)}
            University D {tag},Academia,C1,{Email("d", tag)}
            NGO E {tag},Stakeholder,KE,not-an-address
            ministry   a {tag},Associate,,{Email("f", tag)}
            Company G {tag},Sector Member,FR,{Email("a", tag).ToUpperInvariant()}
            {existing.ToUpperInvariant()},MemberState,,{Email("h", tag)}
            Company I {tag},Associate,,{SurveyApplication.SecretariatEmail}
            Company J {tag},academia,jp,{Email("j", tag)}; {Email("k", tag)}
            """, dryRun: true);

        var report = await response.ReadAsAsync<EntityImportCheckResponse>();
        Assert.True(report.DryRun);
        Assert.Equal((10, 2, 3), (report.Rows, report.Entities, report.FocalPoints));
        Assert.Equal(
            [(3, "name"), (4, "category"), (5, "countryCode"), (6, "emails"), (7, "name"), (8, "emails"), (9, "name"), (10, "emails")],
            report.Problems.Select(p => (p.Row!.Value, p.Column!)));
        var messages = report.Problems.ToDictionary(p => p.Row!.Value, p => p.Message);
        Assert.Contains("missing", messages[3]);
        Assert.Contains("'Martian' is not a category; give one of: MemberState, SectorMember, Associate, Academia, Stakeholder", messages[4]);
        Assert.Contains("'C1' is not a country code", messages[5]);
        Assert.Contains("'not-an-address' is not a valid email address", messages[6]);
        Assert.Contains("also the name on row 2", messages[7]);
        Assert.Contains("also on row 2", messages[8]);
        Assert.Contains("already exists (MemberState)", messages[9]);
        Assert.Contains($"'{SurveyApplication.SecretariatEmail}' already exists", messages[10]);
        Assert.Equal((entities, accounts), (await app.EntityCountAsync(), await app.AccountCountAsync()));
    }

    [Fact]
    public async Task ADryRunOfACleanFileReportsNoProblemAndStillWritesNothing()
    {
        var tag = Tag();
        var secretariat = await app.AsSecretariatAsync();
        var entities = await app.EntityCountAsync();

        var report = await (await secretariat.ImportCsvAsync($"name,category,emails\nClean {tag},Academia,{Email("clean", tag)}\n", dryRun: true))
            .ReadAsAsync<EntityImportCheckResponse>();

        Assert.Equal((true, 1, 1, 1), (report.DryRun, report.Rows, report.Entities, report.FocalPoints));
        Assert.Empty(report.Problems);
        Assert.Equal(entities, await app.EntityCountAsync());
        Assert.Null(await app.AccountAsync(Email("clean", tag)));
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ACleanCsvImportsEveryEntityAndFocalPointInOneGo(string provider)
    {
        await using var on = new OnProvider(provider);
        var secretariat = await on.App.AsSecretariatAsync();

        var imported = await (await secretariat.ImportCsvAsync($"""
            Name,Category,Country,Focal point e-mails
            Ministry of Posts,Member State,ch,{Email("posts", "1")};{Email("posts", "2")}
            Operator Telecom,sector member,FR,"{Email("operator", "1")}, {Email("operator", "2")} {Email("operator", "3")}"
            University of Nairobi,Academia,KE,
            """)).ReadAsAsync<EntityImportResponse>(HttpStatusCode.Created);

        Assert.Equal((false, 3, 3, 5), (imported.DryRun, imported.Rows, imported.Entities, imported.FocalPoints));
        var created = new List<EntityResponse>();
        foreach (var id in imported.EntityIds)
            created.Add(await (await secretariat.GetAsync($"/api/entities/{id}")).ReadAsAsync<EntityResponse>());
        Assert.Equal(
            [("Ministry of Posts", RespondentCategory.MemberState, "CH"), ("Operator Telecom", RespondentCategory.SectorMember, "FR"),
                ("University of Nairobi", RespondentCategory.Academia, "KE")],
            created.Select(e => (e.Name, e.Category, e.CountryCode)));
        foreach (var (email, entity) in new[] { ("posts-1", 0), ("posts-2", 0), ("operator-1", 1), ("operator-2", 1), ("operator-3", 1) })
            Assert.Equal((created[entity].Id, false), await on.App.AccountAsync($"{email}@test.example.org"));
        // Without a password the account cannot sign in, whatever is tried, until one is set.
        Assert.False((await on.App.RequestTokenAsync(Email("posts", "1"), SurveyApplication.Password)).Succeeded);
        // The address is an account now, as for a focal point added one by one.
        await (await secretariat.PostAsJsonAsync($"/api/entities/{created[2].Id}/accounts",
                new { email = Email("posts", "1"), displayName = "Again", password = SurveyApplication.Password }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ACleanWorkbookImportsTheSameWhateverTheColumnsOrderAndNames()
    {
        var tag = Tag();
        var secretariat = await app.AsSecretariatAsync();
        var workbook = ImportCalls.Workbook(
            ["Focal point e-mails", "Country Code", "Entity", " CATEGORY "],
            [Email("wb1", tag), "ch", $"Ministry {tag}", "MemberState"],
            [],
            [$"{Email("wb2", tag)}; {Email("wb3", tag)}", "", $"Institute {tag}", "Associates"]);

        var imported = await (await secretariat.ImportAsync(workbook, ImportCalls.XlsxType)).ReadAsAsync<EntityImportResponse>(HttpStatusCode.Created);

        Assert.Equal((2, 2, 3), (imported.Rows, imported.Entities, imported.FocalPoints));
        var institute = await (await secretariat.GetAsync($"/api/entities/{imported.EntityIds[1]}")).ReadAsAsync<EntityResponse>();
        Assert.Equal(($"Institute {tag}", RespondentCategory.Associate, (string?)null), (institute.Name, institute.Category, institute.CountryCode));
        Assert.Equal((institute.Id, false), await app.AccountAsync(Email("wb3", tag)));
        Assert.Equal((imported.EntityIds[0], false), await app.AccountAsync(Email("wb1", tag)));
    }

    [Fact]
    public async Task AWorkbookReportsRowsAsTheSheetNumbersThem()
    {
        var tag = Tag();
        var secretariat = await app.AsSecretariatAsync();
        var workbook = ImportCalls.Workbook(
            ["name", "category"],
            [$"One {tag}", "Academia"],
            [],
            [],
            [$"Five {tag}", "Nobody"]);

        var report = await (await secretariat.ImportAsync(workbook, ImportCalls.XlsxType, dryRun: true)).ReadAsAsync<EntityImportCheckResponse>();

        Assert.Equal([(5, "category")], report.Problems.Select(p => (p.Row!.Value, p.Column!)));
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task OneBadRowAmongManyImportsNothing(string provider)
    {
        await using var on = new OnProvider(provider);
        var secretariat = await on.App.AsSecretariatAsync();
        var csv = new StringBuilder("name,category,emails\n");
        for (var i = 2; i <= 301; i++)
            csv.Append($"Entity {i},{(i == 151 ? "Martian" : "Stakeholder")},{Email("many", i.ToString())}\n");
        var (entities, accounts) = (await on.App.EntityCountAsync(), await on.App.AccountCountAsync());

        var problem = await (await secretariat.ImportCsvAsync(csv.ToString())).AssertValidationErrorAsync("file");

        var only = Assert.Single(problem.Problems());
        Assert.Equal((151, "category"), (only.Row, only.Column));
        Assert.Contains("nothing was imported", problem.GetProperty("detail").GetString());
        Assert.StartsWith("Row 151, category: 'Martian' is not a category", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal((entities, accounts), (await on.App.EntityCountAsync(), await on.App.AccountCountAsync()));
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task AFailureWhileWritingLeavesNoEntityAndNoAccountBehind(string provider)
    {
        await using var on = new OnProvider(provider);
        var failing = new AccountSaveFails(Email("third", "x"));
        on.App.TestServices = services => services.ConfigureDbContext<SurveyDbContext>(options => options.AddInterceptors(failing));
        var secretariat = await on.App.AsSecretariatAsync();
        var (entities, accounts) = (await on.App.EntityCountAsync(), await on.App.AccountCountAsync());

        var response = await secretariat.ImportCsvAsync($"""
            name,category,emails
            First,MemberState,{Email("first", "x")}
            Second,Academia,{Email("second", "x")};{Email("third", "x")}
            """);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(failing.Failed);
        // The entities and the first two accounts were saved before the third failed: in one transaction, undone with it.
        Assert.Equal((entities, accounts), (await on.App.EntityCountAsync(), await on.App.AccountCountAsync()));
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task NamesAndAddressesTheServiceAlreadyHasAreRefusedWhateverTheirCaseAndSpaces(string provider)
    {
        await using var on = new OnProvider(provider);
        var secretariat = await on.App.AsSecretariatAsync();
        var ministry = await (await secretariat.PostAsJsonAsync("/api/entities", new { name = "Ministry of Posts", category = "MemberState" }))
            .ReadAsAsync<EntityResponse>(HttpStatusCode.Created);
        var focal = await on.App.AddFocalPointAsync(ministry.Id);
        var entities = await on.App.EntityCountAsync();

        var problem = await (await secretariat.ImportCsvAsync($"""
            name,category,emails
            New Operator,SectorMember,{Email("new", "y")}
            "  MINISTRY   of posts ",Associate,{Email("other", "y")}
            Another Operator,SectorMember,{focal.Email.ToUpperInvariant()}
            """)).AssertValidationErrorAsync("file");

        Assert.Equal([(3, "name"), (4, "emails")], problem.Problems().Select(p => (p.Row!.Value, p.Column!)));
        Assert.Contains("already exists (MemberState)", problem.Problems()[0].Message);
        Assert.Equal(entities, await on.App.EntityCountAsync());
        Assert.Null(await on.App.AccountAsync(Email("new", "y")));
    }

    [Fact]
    public async Task QuotedCsvValuesKeepTheirCommasQuotesAndLineBreaks()
    {
        var tag = Tag();
        var secretariat = await app.AsSecretariatAsync();
        var name = $"Ministry of Posts, Telecommunications \"and\" Digital Affairs {tag}";
        var csv = "\"name\",\"category\",\"countryCode\",\"emails\"\r\n"
            + $"\"{name.Replace("\"", "\"\"")}\",\"Member State\",\"ch\",\"{Email("q1", tag)}\r\n{Email("q2", tag)}\"\r\n"
            + $"Plain {tag},Academia,,{Email("q3", tag)}\r\n";

        var imported = await (await secretariat.ImportCsvAsync(csv)).ReadAsAsync<EntityImportResponse>(HttpStatusCode.Created);

        var ministry = await (await secretariat.GetAsync($"/api/entities/{imported.EntityIds[0]}")).ReadAsAsync<EntityResponse>();
        Assert.Equal((name, "CH"), (ministry.Name, ministry.CountryCode));
        Assert.Equal((ministry.Id, false), await app.AccountAsync(Email("q2", tag)));
        Assert.Equal((2, 3), (imported.Entities, imported.FocalPoints));
    }

    [Fact]
    public async Task ARowAfterALineBreakInsideQuotesKeepsTheNumberTheSpreadsheetShows()
    {
        var secretariat = await app.AsSecretariatAsync();

        var report = await (await secretariat.ImportCsvAsync(
                "name,category,emails\n\"Two\nlines\",Academia,\"a@test.example.org\nb@test.example.org\"\nThird,Nobody,\n", dryRun: true))
            .ReadAsAsync<EntityImportCheckResponse>();

        // Row 2 holds a line break in its name (a control character, refused as in the API); row 3 is the next row, not line 5.
        Assert.Equal([(2, "name"), (3, "category")], report.Problems.Select(p => (p.Row!.Value, p.Column!)));
    }

    [Fact]
    public async Task ACsvSeparatedBySemicolonsAsExcelWritesItInManyLocalesImports()
    {
        var tag = Tag();
        var secretariat = await app.AsSecretariatAsync();
        var name = $"Ministère des Postes, Télécoms {tag}";

        var imported = await (await secretariat.ImportCsvAsync(
                $"name;category;countryCode;emails\r\n{name};Member State;FR;{Email("s1", tag)}, {Email("s2", tag)}\r\n"))
            .ReadAsAsync<EntityImportResponse>(HttpStatusCode.Created);

        var entity = await (await secretariat.GetAsync($"/api/entities/{imported.EntityIds[0]}")).ReadAsAsync<EntityResponse>();
        Assert.Equal((name, RespondentCategory.MemberState, "FR"), (entity.Name, entity.Category, entity.CountryCode));
        Assert.Equal(2, imported.FocalPoints);
    }

    [Fact]
    public async Task AUtf8ByteOrderMarkIsNotPartOfTheFileAndALegacyEncodingIsRefused()
    {
        var tag = Tag();
        var secretariat = await app.AsSecretariatAsync();
        var text = $"\"name\",category\nÉcole Supérieure {tag},Academia\n";

        var imported = await (await secretariat.ImportAsync([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], ImportCalls.CsvType))
            .ReadAsAsync<EntityImportResponse>(HttpStatusCode.Created);
        var entity = await (await secretariat.GetAsync($"/api/entities/{imported.EntityIds[0]}")).ReadAsAsync<EntityResponse>();
        Assert.Equal($"École Supérieure {tag}", entity.Name);

        var latin1 = Encoding.Latin1.GetBytes(text.Replace(tag, Tag()));
        var refused = await (await secretariat.ImportAsync(latin1, ImportCalls.CsvType, dryRun: true)).AssertValidationErrorAsync("file");
        Assert.Contains("not UTF-8", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AFormWithTheFileInItsFieldImportsAsTheBodyDoes()
    {
        var tag = Tag();
        var secretariat = await app.AsSecretariatAsync();

        // As a browser on a machine with Excel sends a .csv: the type says Excel, the name says CSV.
        var csv = Encoding.UTF8.GetBytes($"name,category\nForm Entity {tag},Stakeholder\n");
        var imported = await (await secretariat.ImportFormAsync(csv, "entities.csv", "application/vnd.ms-excel"))
            .ReadAsAsync<EntityImportResponse>(HttpStatusCode.Created);
        Assert.Equal(1, imported.Entities);

        var workbook = ImportCalls.Workbook(["name", "category"], [$"Form Workbook {tag}", "Academia"]);
        var checkedWorkbook = await (await secretariat.ImportFormAsync(workbook, "entities.xlsx", "application/octet-stream", dryRun: true))
            .ReadAsAsync<EntityImportCheckResponse>();
        Assert.Equal((1, 1), (checkedWorkbook.Rows, checkedWorkbook.Entities));

        await (await secretariat.ImportFormAsync(csv, "entities.csv", "text/csv", field: "upload")).AssertValidationErrorAsync("file");
    }

    [Fact]
    public async Task RespondentsAreForbiddenAndAnonymousCallersMustSignIn()
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        using var anonymous = app.CreateHttpsClient();
        var entities = await app.EntityCountAsync();
        const string csv = "name,category\nSneaky,MemberState\n";

        await (await respondent.Client.ImportCsvAsync(csv)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.AsAnalystAsync()).ImportCsvAsync(csv)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.ImportCsvAsync(csv)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(entities, await app.EntityCountAsync());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/vnd.ms-excel")]
    [InlineData(null)]
    public async Task ABodyThatIsNeitherCsvNorAWorkbookIsAnUnsupportedMediaType(string? mediaType)
    {
        var secretariat = await app.AsSecretariatAsync();

        var problem = await (await secretariat.ImportAsync(Encoding.UTF8.GetBytes("name,category\nX,Academia\n"), mediaType))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("neither CSV nor .xlsx", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AFormWithAnOlderExcelFileIsAnUnsupportedMediaType()
    {
        var secretariat = await app.AsSecretariatAsync();

        var problem = await (await secretariat.ImportFormAsync([0xD0, 0xCF, 0x11, 0xE0], "entities.xls", "application/vnd.ms-excel"))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("entities.xls", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ACorruptWorkbookIsABadRequestEvenInADryRun()
    {
        var secretariat = await app.AsSecretariatAsync();
        var workbook = ImportCalls.Workbook(["name", "category"], ["Truncated", "Academia"]);
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("hello.txt").Open()))
            writer.Write("not a workbook");

        foreach (var body in new[] { Encoding.UTF8.GetBytes("name,category\nX,Academia\n"), workbook[..(workbook.Length / 2)], zip.ToArray() })
        {
            var problem = await (await secretariat.ImportAsync(body, ImportCalls.XlsxType, dryRun: true)).AssertValidationErrorAsync("file");
            Assert.Contains("not a readable .xlsx workbook", Assert.Single(problem.Problems()).Message);
        }
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\r\n  \r\n", "empty")]
    [InlineData("entity name,kind\nX,Academia\n", "has no category column")]
    [InlineData("organisation,country\nX,CH\n", "has no category column")]
    [InlineData("name,entity,category\nX,Y,Academia\n", "Both 'name' and 'entity' are read as the name column")]
    public async Task AFileWithoutItsHeaderRowIsABadRequestEvenInADryRun(string csv, string expected)
    {
        var secretariat = await app.AsSecretariatAsync();

        foreach (var dryRun in new[] { true, false })
        {
            var problem = await (await secretariat.ImportCsvAsync(csv, dryRun)).AssertValidationErrorAsync("file");
            Assert.Contains(expected, Assert.Single(problem.Problems()).Message);
        }
    }

    /// <summary>Fails the save that would write the account of one address, as a dropped connection would.</summary>
    private sealed class AccountSaveFails(string email) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public bool Failed { get; private set; }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<SurveyService.Data.Accounts.SurveyUser>().Any(entry => entry.Entity.Email == email))
            {
                Failed = true;
                throw new InvalidOperationException("The connection dropped (a test).");
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
