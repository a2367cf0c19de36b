using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Core.Comments;

/// <summary>A comment as the moderation queue lists it, with what a moderator needs to judge it.</summary>
public sealed record QueueItem(
    int Id, CommentStatus Status, string AuthorName, string? AuthorEmail, string? AuthorUrl, string? AuthorIp, string AvatarKey,
    string BodyHtml, DateTime CreatedAt, int PostId, string PostTitle, string PostSlug, DateTime PostPublishedAt, int? ParentId);

/// <summary>Which comments a moderator may act on: all of them, or only those under their own posts (WordPress's Authors).</summary>
public sealed record ModeratorScope(string ModeratorId, bool AllPosts);

/// <summary>
/// The moderation queue and its actions. Every action is recorded with who and when, and post comment
/// counts are recomputed so listings and the cache stay exact.
/// </summary>
public sealed class CommentModeration(ParleyDbContext db, SettingsService settings, Notifications.CommentNotifier notifier, TimeProvider clock)
{
    public const int PageSize = 30;

    /// <summary>A comment as the queue shows it; one projection for the queue and a commenter's history.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Comment, QueueItem>> AsQueueItem = c => new QueueItem(
        c.Id, c.Status, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.AuthorIp, c.AvatarKey, c.BodyHtml,
        c.CreatedAt, c.PostId, c.Post!.Title, c.Post.Slug, c.Post.PublishedAt!.Value, c.ParentId);

    public async Task<PagedResult<QueueItem>> QueueAsync(ModeratorScope scope, CommentStatus status, string? search, int page, CancellationToken ct = default)
    {
        var query = Visible(scope).Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            if (term.Length > 200) term = term[..200];
            var like = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(c => EF.Functions.Like(c.BodySource, like, "\\") || EF.Functions.Like(c.AuthorName, like, "\\") ||
                                     (c.AuthorEmail != null && EF.Functions.Like(c.AuthorEmail, like, "\\")) ||
                                     (c.AuthorIp != null && EF.Functions.Like(c.AuthorIp, like, "\\")));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(AsQueueItem)
            .ToListAsync(ct);
        return new PagedResult<QueueItem>(items, page, PageSize, total);
    }

    /// <summary>
    /// Everything one commenter (by email) wrote that this moderator may see: counts per state and the
    /// latest fifty, so a moderator can tell a regular from a newcomer or a spammer.
    /// </summary>
    public async Task<(IReadOnlyDictionary<CommentStatus, int> Counts, IReadOnlyList<QueueItem> Latest)> CommenterAsync(ModeratorScope scope, string email, CancellationToken ct = default)
    {
        var lower = email.Trim().ToLowerInvariant();
        var theirs = Visible(scope).Where(c => c.AuthorEmail != null && c.AuthorEmail.ToLower() == lower);
        var counts = await theirs.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var latest = await theirs.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(50)
            .Select(AsQueueItem)
            .ToListAsync(ct);
        return (Enum.GetValues<CommentStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0), latest);
    }

    /// <summary>How many comments wait in each state, for the queue's tabs.</summary>
    public async Task<IReadOnlyDictionary<CommentStatus, int>> CountsAsync(ModeratorScope scope, CancellationToken ct = default)
    {
        var counts = await Visible(scope).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<CommentStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>Applies one action to the given comments; ids outside the moderator's scope are ignored. Returns how many changed.</summary>
    public async Task<int> ApplyAsync(ModeratorScope scope, IReadOnlyCollection<int> ids, ModerationAction action, CancellationToken ct = default)
    {
        if (ids.Count == 0) return 0;
        if (ids.Count > 500) throw ValidationFailedException.For("ids", "Act on at most 500 comments at a time.");
        var now = clock.GetUtcNow().UtcDateTime;
        var comments = await Visible(scope).AsTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var changed = 0;
        foreach (var comment in comments)
        {
            var from = comment.Status;
            if (action is ModerationAction.Pin or ModerationAction.Unpin)
            {
                var pin = action == ModerationAction.Pin;
                if (comment.IsPinned == pin || (pin && from != CommentStatus.Approved)) continue;
                comment.IsPinned = pin;
                db.Add(new ModerationLogEntry { CommentId = comment.Id, Action = action, FromStatus = from, ToStatus = from, ModeratorId = scope.ModeratorId, At = now });
                changed++;
                continue;
            }
            if (action == ModerationAction.Ban)
            {
                changed += await BanAsync(comment, scope, now, ct);
                continue;
            }
            CommentStatus? to = action switch
            {
                ModerationAction.Approve => CommentStatus.Approved,
                ModerationAction.Unapprove => CommentStatus.Pending,
                ModerationAction.Spam => CommentStatus.Spam,
                ModerationAction.Trash => CommentStatus.Trash,
                ModerationAction.Restore when from is CommentStatus.Spam or CommentStatus.Trash => CommentStatus.Pending,
                ModerationAction.Delete when from is CommentStatus.Spam or CommentStatus.Trash => null,
                _ => from,
            };
            if (to == from) continue;
            if (to is { } status) comment.Status = status;
            else await CommentThreads.RemoveKeepingRepliesAsync(db, comment, ct);
            if (to == CommentStatus.Approved) await notifier.ApprovedAsync(comment, ct);
            db.Add(new ModerationLogEntry { CommentId = comment.Id, Action = action, FromStatus = from, ToStatus = to, ModeratorId = scope.ModeratorId, At = now });
            changed++;
        }
        await settings.InOneCommitAsync(async write =>
        {
            await db.SaveChangesAsync(write);
            await CommentCounts.RecountAsync(db, comments.Select(c => c.PostId), write);
            if (changed > 0) await settings.TouchDiscussionAsync(comments.Select(c => c.PostId), now, write);
        });
        return changed;
    }

    /// <summary>Whether the comment exists and lies within the moderator's scope.</summary>
    public Task<bool> CanModerateAsync(ModeratorScope scope, int commentId, CancellationToken ct = default) =>
        Visible(scope).AnyAsync(c => c.Id == commentId, ct);

    /// <summary>The moderation history of one comment, newest first.</summary>
    public async Task<IReadOnlyList<ModerationLogEntry>> HistoryAsync(int commentId, CancellationToken ct = default) =>
        await db.Set<ModerationLogEntry>().AsNoTracking().Where(e => e.CommentId == commentId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);

    private IQueryable<Comment> Visible(ModeratorScope scope)
    {
        var query = db.Comments.AsNoTracking();
        return scope.AllPosts ? query : query.Where(c => c.Post!.AuthorId == scope.ModeratorId);
    }

    /// <summary>
    /// Bans the comment's author: their email (or, for a guest without one, their address) joins the
    /// block list, and everything they wrote is hidden as spam. Returns how many comments changed.
    /// </summary>
    private async Task<int> BanAsync(Comment comment, ModeratorScope scope, DateTime now, CancellationToken ct)
    {
        var entry = comment.AuthorEmail ?? comment.AuthorIp;
        // A ban reaches the whole site, so only moderators of the whole site may give one.
        if (entry is null || !scope.AllPosts) return 0;
        var site = await db.SiteSettings.FirstAsync(s => s.Id == SiteSettings.SingletonId, ct);
        if (!site.CommentBlockList.Split('\n').Any(l => string.Equals(l.Trim(), entry, StringComparison.OrdinalIgnoreCase)))
            site.CommentBlockList = (site.CommentBlockList.TrimEnd() + "\n" + entry).Trim();
        var theirs = await db.Comments.Where(c => comment.AuthorEmail != null ? c.AuthorEmail == comment.AuthorEmail : c.AuthorIp == comment.AuthorIp)
            .Where(c => c.Status != CommentStatus.Spam).ToListAsync(ct);
        foreach (var c in theirs)
        {
            db.Add(new ModerationLogEntry { CommentId = c.Id, Action = ModerationAction.Ban, FromStatus = c.Status, ToStatus = CommentStatus.Spam, ModeratorId = scope.ModeratorId, At = now });
            c.Status = CommentStatus.Spam;
        }
        await db.SaveChangesAsync(ct);
        await CommentCounts.RecountAsync(db, theirs.Select(c => c.PostId), ct);
        settings.Forget();
        return Math.Max(1, theirs.Count);
    }
}
