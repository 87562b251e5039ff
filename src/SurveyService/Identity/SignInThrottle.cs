using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SurveyService.Identity;

/// <summary>
/// Wrong passwords slow down the one who types them, not the account's owner: failures are counted
/// per account and client address, and past SignIn:FreeFailures each further attempt from that
/// address must wait twice as long as the one before (up to SignIn:MaxDelaySeconds). Another
/// address, the owner's, is not held back. Unknown and real accounts are counted alike, so the
/// throttle says nothing of which exist. Counted in this instance's memory.
/// </summary>
internal sealed class SignInThrottle(IMemoryCache cache, TimeProvider clock, IOptions<SignInLimitsOptions> options)
{
    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset NotBefore;
    }

    /// <summary>How long this address must still wait before trying this account again; zero when it may try now.</summary>
    public TimeSpan WaitFor(string email, string? address)
    {
        var failures = cache.Get<Failures>(Key(email, address));
        if (failures is null)
            return TimeSpan.Zero;
        var wait = failures.NotBefore - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Failed(string email, string? address)
    {
        var limits = options.Value;
        var failures = cache.GetOrCreate(Key(email, address), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromSeconds(Math.Max(limits.MaxDelaySeconds, 60) * 2);
            return new Failures();
        })!;
        lock (failures)
        {
            failures.Count++;
            var beyond = failures.Count - limits.FreeFailures;
            if (beyond > 0)
                failures.NotBefore = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, beyond - 1), limits.MaxDelaySeconds));
        }
    }

    public void Succeeded(string email, string? address) => cache.Remove(Key(email, address));

    private static (Type, string, string) Key(string email, string? address) =>
        (typeof(SignInThrottle), email.Trim().ToUpperInvariant(), address ?? "unknown");
}
