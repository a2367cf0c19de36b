using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Settings;

namespace Parley.Core.Comments;

/// <summary>Likes (one per reader, undone by liking again) and reports (enough of them hold a comment for review).</summary>
public sealed class CommentReactions(ParleyDbContext db, SettingsService settings, TimeProvider clock)
{
    /// <summary>Likes or un-likes a visible comment. Returns the new like count, or null when the comment is not visible.</summary>
    public async Task<int?> ToggleLikeAsync(int commentId, string readerKey, CancellationToken ct = default)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.Status == CommentStatus.Approved, ct);
        if (comment is null) return null;
        var existing = await db.Set<CommentReaction>().FirstOrDefaultAsync(r => r.CommentId == commentId && r.Kind == ReactionKind.Like && r.ReaderKey == readerKey, ct);
        if (existing is null) db.Add(new CommentReaction { CommentId = commentId, Kind = ReactionKind.Like, ReaderKey = readerKey, CreatedAt = clock.GetUtcNow().UtcDateTime });
        else db.Remove(existing);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* a double click raced itself; the unique index kept one like */ }
        var count = await db.Set<CommentReaction>().CountAsync(r => r.CommentId == commentId && r.Kind == ReactionKind.Like, ct);
        await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, count), ct);
        await settings.TouchDiscussionAsync([comment.PostId], clock.GetUtcNow().UtcDateTime, ct);
        return count;
    }

    /// <summary>Records a report. When the site's threshold is reached the comment goes back to the queue. False when not visible.</summary>
    public async Task<bool> ReportAsync(int commentId, string readerKey, CancellationToken ct = default)
    {
        var site = await settings.GetAsync(ct);
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.Status == CommentStatus.Approved, ct);
        if (comment is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<CommentReaction>().AnyAsync(r => r.CommentId == commentId && r.Kind == ReactionKind.Report && r.ReaderKey == readerKey, ct))
        {
            db.Add(new CommentReaction { CommentId = commentId, Kind = ReactionKind.Report, ReaderKey = readerKey, CreatedAt = now });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return true; }
        }
        var reports = await db.Set<CommentReaction>().CountAsync(r => r.CommentId == commentId && r.Kind == ReactionKind.Report, ct);
        if (reports >= Math.Max(1, site.CommentReportThreshold))
        {
            comment.Status = CommentStatus.Pending;
            db.Add(new ModerationLogEntry { CommentId = commentId, Action = ModerationAction.Unapprove, FromStatus = CommentStatus.Approved, ToStatus = CommentStatus.Pending, ModeratorId = "reports", At = now });
            await db.SaveChangesAsync(ct);
            await CommentCounts.RecountAsync(db, [comment.PostId], ct);
            await settings.TouchDiscussionAsync([comment.PostId], now, ct);
        }
        return true;
    }
}
