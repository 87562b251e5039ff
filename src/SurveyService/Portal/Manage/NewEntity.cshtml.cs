using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Accounts;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Manage;

/// <summary>The Secretariat adds one entity by hand: the same request and checks as POST /api/entities.</summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class NewEntityModel(ProvisionAccounts provisioning, IStringLocalizer<PortalText> t) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public RespondentCategory? Category { get; set; }
    [BindProperty] public string? Country { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim();
        var request = new CreateEntityRequest(Name?.Trim(), Category is { } c && Enum.IsDefined(c) ? c : null, country);
        var errors = new ValidationErrors();
        RequestValidation.Check(request, errors);
        var refused = errors.ToDictionary().Keys.ToHashSet();
        if (refused.Contains("name"))
            Errors["name"] = t["Give the entity's name (at most 300 characters)."];
        if (refused.Contains("category"))
            Errors["category"] = t["Choose the entity's category."];
        if (refused.Contains("countryCode"))
            Errors["country"] = t["Give the country as a two-letter code, such as CH or KE."];
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var entity = await provisioning.EntityAsync(request.Name!, request.Category!.Value, request.CountryCode);
        return Redirect($"/manage/entities/{entity.Id}?created=true");
    }
}
