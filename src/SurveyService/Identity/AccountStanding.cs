using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SurveyService.Identity;

/// <summary>
/// Whether the account behind a token or the portal's cookie may still act. Both are signed and
/// live for up to an hour (a cookie for eight), so without this an account locked or removed
/// meanwhile would keep working until they expire. Every authenticated request asks; the answer
/// is kept per account for AccountStanding:RecheckSeconds, in this instance's memory, so a rush
/// costs one small read per respondent and not one per request.
/// </summary>
internal sealed class AccountStanding(SurveyDbContext db, IMemoryCache cache, TimeProvider clock, IOptions<AccountStandingOptions> options)
{
    public const string Removed = "The account no longer exists.";

    private sealed record Looked(string? Refusal, DateTimeOffset At);

    private sealed record Lockout(bool Enabled, DateTimeOffset? End);

    private static readonly CompiledPerModel<Func<SurveyDbContext, string, Task<Lockout?>>> LockoutOf =
        new(() => EF.CompileAsyncQuery((SurveyDbContext db, string id) => db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new Lockout(u.LockoutEnabled, u.LockoutEnd))
            .FirstOrDefault()));

    /// <summary>Why this account may no longer use its token or cookie, or null when it may.</summary>
    public async Task<string?> RefusalAsync(string userId)
    {
        var key = Key(userId);
        var window = TimeSpan.FromSeconds(options.Value.RecheckSeconds);
        var now = clock.GetUtcNow();
        // The age is measured on the service's clock, so tests can move past the window; the
        // cache's own expiry only bounds the memory kept.
        if (window > TimeSpan.Zero && cache.Get<Looked>(key) is { } looked && now - looked.At < window)
            return looked.Refusal;

        var lockout = await LockoutOf.For(db)(db, userId);
        var refusal = lockout is null ? Removed
            : lockout.Enabled && lockout.End > now ? Locked(lockout.End.Value)
            : null;
        if (window > TimeSpan.Zero)
            cache.Set(key, new Looked(refusal, now), window);
        return refusal;
    }

    /// <summary>
    /// The account's standing changed here (disabled, enabled): this instance asks afresh at once.
    /// Other instances learn it within their recheck window.
    /// </summary>
    public void Forget(string userId) => cache.Remove(Key(userId));

    private static (Type, string) Key(string userId) => (typeof(AccountStanding), userId);

    public static string Locked(DateTimeOffset until) =>
        until.Year >= 9999 ? "The account was disabled by the Secretariat." : $"The account is locked until {until:u}.";
}
