using OpenIddict.Abstractions;

namespace SurveyService.Identity;

/// <summary>
/// Removes tokens and authorizations that expired or were revoked more than two weeks ago, so the
/// token tables do not grow with every sign-in. A daily Hangfire recurring job.
/// </summary>
internal sealed class TokenPruning(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock)
{
    public const string JobId = "prune-tokens";

    public async Task PruneAsync()
    {
        var threshold = clock.GetUtcNow().AddDays(-14);
        await tokens.PruneAsync(threshold);
        await authorizations.PruneAsync(threshold);
    }
}
