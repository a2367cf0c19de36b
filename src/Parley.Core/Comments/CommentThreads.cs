using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Comments;

/// <summary>Changes to the shape of a thread that more than one rule needs.</summary>
internal static class CommentThreads
{
    /// <summary>
    /// Removes a comment for good while keeping the conversation readable: its replies move up to its
    /// parent (its likes and reports go with it). Saved with the caller's next SaveChanges.
    /// </summary>
    public static async Task RemoveKeepingRepliesAsync(ParleyDbContext db, Comment comment, CancellationToken ct)
    {
        await db.Comments.Where(c => c.ParentId == comment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, comment.ParentId).SetProperty(c => c.Depth, c => c.Depth > 0 ? c.Depth - 1 : 0), ct);
        db.Comments.Remove(comment);
    }
}
