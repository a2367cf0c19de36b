using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Comments;

/// <summary>The one way a post's comment count is kept: recounted from the table, so it is exact under concurrency.</summary>
internal static class CommentCounts
{
    public static async Task RecountAsync(ParleyDbContext db, IEnumerable<int> postIds, CancellationToken ct)
    {
        foreach (var postId in postIds.Distinct())
            await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(
                p => p.CommentCount, p => db.Comments.Count(c => c.PostId == postId && c.Status == CommentStatus.Approved)), ct);
    }
}
