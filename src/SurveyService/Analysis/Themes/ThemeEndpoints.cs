using System.Security.Claims;
using SurveyService.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Analysis.Themes;

public sealed record ThemeRequest(string? Name) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        errors.When(string.IsNullOrWhiteSpace(Name), "name", "Name the theme.");
        errors.When(Name?.Trim().Length > ThemeTagging.MaxNameLength, "name", $"A theme's name is at most {ThemeTagging.MaxNameLength} characters.");
    }
}

public sealed record ThemeResponse(Guid Id, string Name);

/// <summary>Themes of a consultation's text answers: named, removed, and put on answers by analysts (<see cref="ThemeTagging"/>).</summary>
internal static class ThemeEndpoints
{
    public static void MapThemes(this RouteGroupBuilder consultation)
    {
        var themes = consultation.MapGroup("/themes").RequireAuthorization(Policies.Analyst);
        themes.MapGet("", List).WithName("ListThemes").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The consultation's themes, each with how many answers carry it.");
        themes.MapPost("", Name).WithValidation().WithName("NameTheme")
            .Produces<ThemeResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Name a theme for the consultation's text answers (unique in the consultation, ignoring case).");
        themes.MapDelete("/{themeId:guid}", Remove).WithName("RemoveTheme").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a theme and its tags.");

        var tags = consultation.MapGroup("/answers/{answerId:guid}/themes/{themeId:guid}").RequireAuthorization(Policies.Analyst);
        tags.MapPut("", (Guid id, Guid answerId, Guid themeId, ClaimsPrincipal user, ThemeTagging tagging) => Tag(id, answerId, themeId, user, tagging, true))
            .WithName("TagAnswer").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tag a text answer with a theme (again changes nothing).");
        tags.MapDelete("", (Guid id, Guid answerId, Guid themeId, ClaimsPrincipal user, ThemeTagging tagging) => Tag(id, answerId, themeId, user, tagging, false))
            .WithName("UntagAnswer").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Take a theme off a text answer.");
    }

    private static async Task<Results<Ok<ThemeListItem[]>, ProblemHttpResult>> List(Guid id, SurveyDbContext db, ThemeReads reads) =>
        await db.Consultations.AnyAsync(c => c.Id == id) ? TypedResults.Ok(await reads.ListAsync(id)) : ConsultationEndpoints.NotFound(id);

    private static async Task<Results<Created<ThemeResponse>, ProblemHttpResult>> Name(Guid id, ThemeRequest request, ClaimsPrincipal user,
        SurveyDbContext db, ThemeTagging tagging)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == id))
            return ConsultationEndpoints.NotFound(id);
        return await tagging.NameAsync(Analyst(user), id, request.Name!) switch
        {
            ThemeOutcome.Named(var theme) => TypedResults.Created($"/api/consultations/{id}/themes/{theme.Id}", new ThemeResponse(theme.Id, theme.Name)),
            ThemeOutcome.NameTaken(var name) => Problem.Conflict($"The consultation already has a theme named '{name}'."),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid id, Guid themeId, ThemeTagging tagging) =>
        await tagging.RemoveAsync(id, themeId) is ThemeOutcome.Done ? TypedResults.NoContent() : ThemeNotFound(id, themeId);

    private static async Task<Results<NoContent, ProblemHttpResult>> Tag(Guid id, Guid answerId, Guid themeId, ClaimsPrincipal user,
        ThemeTagging tagging, bool tagged) =>
        await tagging.TagAsync(Analyst(user), id, answerId, themeId, tagged) switch
        {
            ThemeOutcome.Done => TypedResults.NoContent(),
            ThemeOutcome.ThemeNotFound => ThemeNotFound(id, themeId),
            ThemeOutcome.AnswerNotFound => Problem.NotFound($"Consultation {id} has no submitted answer {answerId}."),
            ThemeOutcome.NotATextAnswer => Problem.Conflict("Only text answers carry themes; a choice or a scale answer is counted by its options."),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };

    private static ProblemHttpResult ThemeNotFound(Guid id, Guid themeId) => Problem.NotFound($"Consultation {id} has no theme {themeId}.");

    private static StaffMember Analyst(ClaimsPrincipal user) =>
        StaffMember.From(user) ?? throw new InvalidOperationException("The Analyst policy let in someone who is not staff.");
}
