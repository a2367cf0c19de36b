using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;

namespace Parley.Web.Auth;

/// <summary>
/// Slows guessing without locking anyone out for good. Wrong passwords: five free tries per account
/// and twenty per network address (an office or a household shares one), then each further try waits
/// twice as long as the last (2 s, 4 s, … up to 15 minutes), forgotten an hour after the last failure. An attacker can make a victim wait, never
/// lock them out. Emailed codes: a few per address and per mailbox, so nobody can flood a mailbox.
/// </summary>
public sealed class SignInThrottle(IMemoryCache cache, TimeProvider clock) : IDisposable
{
    public const int FreeFailures = 5;
    public const int FreeFailuresPerAddress = 20;
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    private sealed class Failures { public int Count; public DateTimeOffset Last; }

    private readonly PartitionedRateLimiter<string> _codes = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            // Per mailbox: 5 codes in 15 minutes. Per address: 20 (a household, an office).
            PermitLimit = key.StartsWith("email:", StringComparison.Ordinal) ? 5 : 20,
            Window = TimeSpan.FromMinutes(15), SegmentsPerWindow = 5, QueueLimit = 0,
        }));

    /// <summary>Null when a password try may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? WaitBeforePassword(string? ip, string account)
    {
        var now = clock.GetUtcNow();
        TimeSpan? longest = null;
        foreach (var key in Keys(ip, account))
        {
            var free = key.StartsWith("pw-ip:", StringComparison.Ordinal) ? FreeFailuresPerAddress : FreeFailures;
            if (!cache.TryGetValue(key, out Failures? f) || f is null || f.Count < free) continue;
            var wait = f.Last + Delay(f.Count - free + FreeFailures) - now;
            if (wait > TimeSpan.Zero && (longest is null || wait > longest)) longest = wait;
        }
        return longest;
    }

    public void PasswordFailed(string? ip, string account)
    {
        foreach (var key in Keys(ip, account))
        {
            var f = cache.GetOrCreate(key, e => { e.SlidingExpiration = TimeSpan.FromHours(1); return new Failures(); })!;
            lock (f) { f.Count++; f.Last = clock.GetUtcNow(); }
        }
    }

    public void PasswordSucceeded(string account) => cache.Remove("pw-account:" + Normalize(account));

    /// <summary>The wait after <paramref name="failures"/> failures: nothing for the first five, then doubling.</summary>
    public static TimeSpan Delay(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - FreeFailures + 1), LongestWait.TotalSeconds));

    /// <summary>Null when another emailed code may be sent; otherwise how long to wait.</summary>
    public TimeSpan? TryEmailCode(string? ip, string email)
    {
        foreach (var key in new[] { "ip:" + (ip ?? "unknown"), "email:" + Normalize(email) })
        {
            using var lease = _codes.AttemptAcquire(key);
            if (!lease.IsAcquired)
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(3);
        }
        return null;
    }

    private static string[] Keys(string? ip, string account) => ["pw-ip:" + (ip ?? "unknown"), "pw-account:" + Normalize(account)];

    private static string Normalize(string value) => value.Trim().ToLowerInvariant();

    public void Dispose() => _codes.Dispose();
}
