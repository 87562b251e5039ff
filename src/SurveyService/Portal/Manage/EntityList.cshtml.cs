using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Data.Entities;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>An entity as the Secretariat's list shows it: with how many focal points answer for it.</summary>
internal sealed record ListedEntity(Entity Entity, int FocalPoints);

/// <summary>The entities that answer, searchable by name and filtered by category, with their focal points counted.</summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class EntityListModel(SurveyDbContext db) : PageModel
{
    /// <summary>A page of a few hundred rows is still a few dozen kilobytes; a search narrows the rest.</summary>
    public const int Shown = 200;

    public IReadOnlyList<ListedEntity> Entities { get; private set; } = [];
    public int Total { get; private set; }
    public string? Search { get; private set; }
    public RespondentCategory? Category { get; private set; }

    public async Task OnGetAsync(string? q, RespondentCategory? category)
    {
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Category = category is { } c && Enum.IsDefined(c) ? c : null;
        var entities = db.Entities.AsNoTracking();
        if (Search is { } search)
            entities = entities.Where(e => e.Name.ToLower().Contains(search.ToLower()));
        if (Category is { } only)
            entities = entities.Where(e => e.Category == only);
        Total = await entities.CountAsync();
        var rows = await entities.OrderBy(e => e.Name).Take(Shown)
            .Select(e => new { Entity = e, FocalPoints = db.Users.Count(u => u.EntityId == e.Id) })
            .ToListAsync();
        Entities = [.. rows.Select(r => new ListedEntity(r.Entity, r.FocalPoints))];
    }
}
