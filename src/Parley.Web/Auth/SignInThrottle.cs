using System.Threading.RateLimiting;

namespace Parley.Web.Auth;

/// <summary>
/// Slows password guessing per address and per account without locking anyone out for good: after
/// ten failures in five minutes the next try waits, and the window slides on. An attacker can make a
/// victim wait minutes, never lock them out.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = 10, Window = TimeSpan.FromMinutes(5), SegmentsPerWindow = 5, QueueLimit = 0,
        }));

    /// <summary>Null when a try may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(string? ip, string account)
    {
        foreach (var key in new[] { "ip:" + (ip ?? "unknown"), "account:" + account.Trim().ToLowerInvariant() })
        {
            using var lease = _limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        }
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
