using Microsoft.AspNetCore.Identity;
using SurveyService.Data.Accounts;
using SurveyService.Problems;

namespace SurveyService.Accounts;

/// <summary>Creates Identity users and turns Identity's refusals into the API's 400 and 409 answers.</summary>
internal sealed class AccountCreation(UserManager<SurveyUser> users)
{
    public async Task<(SurveyUser? User, IResult? Problem)> CreateAsync(string email, string displayName, string password,
        Guid? entityId, StaffRole? role)
    {
        var user = new SurveyUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            EntityId = entityId,
            StaffRole = role,
        };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? (user, null) : (null, ToProblem(email, result));
    }

    private static IResult ToProblem(string email, IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            return Problem.Conflict($"An account with the email '{email}' already exists.");

        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "account", error.Description);
        return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "The account cannot be created; see errors.");
    }
}
