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
    // Likes, reports and edits are cheaper and more frequent than comments, but still bounded.
    private readonly PartitionedRateLimiter<string> _reactions = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = 30, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
        }));

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

    /// <summary>Null when a like, report or edit may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryReact(string partition)
    {
        using var lease = _reactions.AttemptAcquire(partition);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(10);
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _reactions.Dispose();
    }
}
