using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SurveyService.Data.Accounts;
using SurveyService.Data.Entities;

namespace SurveyService.Accounts.Import;

/// <summary>How many rows a file has, and how many entities and focal points its rows without a problem hold.</summary>
internal sealed record ImportCounts(int Rows, int Entities, int FocalPoints);

/// <summary>What importing a list did: checked it (a dry run), imported all of it, or nothing and why.</summary>
internal abstract record ImportOutcome
{
    /// <summary>A dry run: every problem, nothing written.</summary>
    public sealed record Checked(ImportCounts Counts, IReadOnlyList<ImportProblem> Problems) : ImportOutcome;

    /// <summary>Every entity and focal point written, in one transaction; the entities' ids in the file's order.</summary>
    public sealed record Imported(ImportCounts Counts, IReadOnlyList<Guid> EntityIds) : ImportOutcome;

    /// <summary>The file has problems, all of them here; nothing was written.</summary>
    public sealed record Refused(ImportCounts Counts, IReadOnlyList<ImportProblem> Problems) : ImportOutcome;

    /// <summary>No table of entities could be read from the file at all.</summary>
    public sealed record Unreadable(ImportProblem Why) : ImportOutcome;
}

/// <summary>
/// The Secretariat imports a list of entities with their focal points (CSV or .xlsx): all of it, in
/// one transaction, or nothing. Focal points are created as accounts without a password, through
/// Identity as any account is, so they cannot sign in until a password is set.
/// </summary>
internal sealed class ImportEntities(SurveyDbContext db, UserManager<SurveyUser> users, AccountCreation accounts,
    IOptions<EntityImportOptions> options, TimeProvider clock)
{
    /// <summary>An imported focal point's display name until someone gives it one: its address, cut to the field's length.</summary>
    private const int MaxDisplayName = 200;

    /// <summary>Addresses looked up per query: thousands as one query's parameters are past some providers' limits.</summary>
    private const int ChunkForLookups = 500;

    public async Task<ImportOutcome> ImportAsync(ImportFile file, bool dryRun)
    {
        var limit = options.Value.MaxRows;
        // The header, the rows allowed, and one more to know there are too many.
        var read = file.Format == ImportFormat.Csv ? CsvSheet.Read(file.Content, limit + 2) : XlsxSheet.Read(file.Content, limit + 2);
        if (read is SheetRead.Unreadable(var unreadable))
            return new ImportOutcome.Unreadable(unreadable);
        var (rows, fileProblem) = EntityRows.Check((SheetRead.Read)read, limit, users.Options.User.AllowedUserNameCharacters);
        if (rows is null)
            return new ImportOutcome.Unreadable(fileProblem!);

        if (dryRun || rows.Problems.Count > 0)
        {
            var problems = InRowOrder([.. rows.Problems, .. await TakenAsync(rows)]);
            var counts = Counts(rows, problems);
            return dryRun ? new ImportOutcome.Checked(counts, problems) : new ImportOutcome.Refused(counts, problems);
        }
        return await new TransactionPerWrite().WriteAsync(db, _ => WriteAsync(rows));
    }

    /// <summary>Inside the transaction, so that what was checked is what is written on.</summary>
    private async Task<Written<ImportOutcome>> WriteAsync(CheckedRows rows)
    {
        var taken = await TakenAsync(rows);
        if (taken.Count > 0)
            return Written.Undone<ImportOutcome>(new ImportOutcome.Refused(Counts(rows, taken), InRowOrder(taken)));

        var now = clock.UtcNow();
        var entities = rows.Entities.Select(row => (Row: row, Entity: new Entity
        {
            Name = row.Name,
            Category = row.Category,
            CountryCode = row.CountryCode,
            CreatedAt = now,
        })).ToList();
        // Identity saves each account as it creates it. A savepoint around each save would double
        // the round trips, and the import is undone whole anyway if one fails.
        db.Database.AutoSavepointsEnabled = false;
        db.Entities.AddRange(entities.Select(e => e.Entity));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var refused = new List<ImportProblem>();
        var header = rows.Columns.Emails?.Header ?? "";
        foreach (var (row, entity) in entities)
        {
            foreach (var email in row.Emails)
            {
                var outcome = await accounts.CreateAsync(email, email.Length <= MaxDisplayName ? email : email[..MaxDisplayName],
                    password: null, entity, role: null);
                // Saved already: a tracker holding thousands of accounts would make each further save look at them all.
                db.ChangeTracker.Clear();
                if (outcome is AccountOutcome.EmailTaken)
                    refused.Add(new ImportProblem.EmailTaken(row.Row, header, email));
                else if (outcome is AccountOutcome.Invalid(var errors))
                    refused.Add(new ImportProblem.AccountRefused(row.Row, header, email, string.Join(" ", errors.Values.SelectMany(m => m))));
            }
        }
        if (refused.Count > 0)
            return Written.Undone<ImportOutcome>(new ImportOutcome.Refused(Counts(rows, refused), InRowOrder(refused)));
        return Written.Kept<ImportOutcome>(new ImportOutcome.Imported(Counts(rows, []), [.. entities.Select(e => e.Entity.Id)]));
    }

    /// <summary>Names and addresses the service already has.</summary>
    private async Task<List<ImportProblem>> TakenAsync(CheckedRows rows)
    {
        var problems = new List<ImportProblem>();
        if (rows.Names.Count > 0)
        {
            // Names compare as people read them (ignoring case and runs of spaces), which SQL does
            // not do alike on every provider: every entity's name is read, a few thousand short texts.
            var existing = new Dictionary<string, RespondentCategory>(StringComparer.OrdinalIgnoreCase);
            await foreach (var entity in db.Entities.AsNoTracking().Select(e => new { e.Name, e.Category }).AsAsyncEnumerable())
                existing.TryAdd(EntityRows.NameKey(entity.Name), entity.Category);
            foreach (var (row, name) in rows.Names)
                if (existing.TryGetValue(EntityRows.NameKey(name), out var category))
                    problems.Add(new ImportProblem.NameTaken(row, rows.Columns.Name.Header, name, category));
        }

        var normalized = rows.Emails.Select(e => (e.Row, Email: e.Value, Key: users.NormalizeEmail(e.Value)!)).ToList();
        var takenKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in normalized.Select(e => e.Key).Chunk(ChunkForLookups))
        {
            var found = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.NormalizedEmail!) || chunk.Contains(u.NormalizedUserName!))
                .Select(u => new { u.NormalizedEmail, u.NormalizedUserName })
                .ToListAsync();
            foreach (var user in found)
            {
                takenKeys.Add(user.NormalizedEmail ?? "");
                takenKeys.Add(user.NormalizedUserName ?? "");
            }
        }
        foreach (var (row, email, key) in normalized)
            if (takenKeys.Contains(key))
                problems.Add(new ImportProblem.EmailTaken(row, rows.Columns.Emails!.Header, email));
        return problems;
    }

    private static List<ImportProblem> InRowOrder(IEnumerable<ImportProblem> problems) => [.. problems.OrderBy(p => p.Row ?? 0)];

    private static ImportCounts Counts(CheckedRows rows, IReadOnlyList<ImportProblem> problems)
    {
        var troubled = problems.Select(p => p.Row).ToHashSet();
        var clean = rows.Entities.Where(e => !troubled.Contains(e.Row)).ToList();
        return new ImportCounts(rows.Rows, clean.Count, clean.Sum(e => e.Emails.Count));
    }
}
