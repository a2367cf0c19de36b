using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Parley.Web.Hosting;

namespace Parley.Web.Theme.Comments;

/// <summary>
/// How often one address may post a comment (default one per 15 seconds, as WordPress allows). Checked
/// inside the handler rather than by the middleware, so a reader who is too quick keeps their text.
/// </summary>
public sealed class CommentRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CommentRateLimiter(IOptions<ParleyOptions> options)
    {
        var limits = options.Value.Limits;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.CommentsPerWindow,
                Window = TimeSpan.FromSeconds(limits.CommentWindowSeconds),
                QueueLimit = 0,
            }));
    }

    /// <summary>Null when the comment may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string partition)
    {
        using var lease = _limiter.AttemptAcquire(partition);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(15);
    }

    public void Dispose() => _limiter.Dispose();
}
