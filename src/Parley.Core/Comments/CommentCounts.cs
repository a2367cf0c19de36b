using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Comments;

/// <summary>The one way a post's comment count is kept: recounted from the table, so it is exact under concurrency.</summary>
internal static class CommentCounts
{
    /// <summary>
    /// One more approved comment on the post, written in the transaction that inserts it. Exact like a recount, since
    /// the insert and the increment commit together and the row's lock orders concurrent increments, but it costs
    /// the same on the ten-thousandth comment as on the first: on PostgreSQL a recount reads every comment of the
    /// post (8 → 14 ms a comment as a post went from 700 to 9,000 comments). Every other change recounts, so
    /// a count that drifted by a hand-made change to the table heals at the next moderation.
    /// </summary>
    public static Task AddOneAsync(ParleyDbContext db, int postId, CancellationToken ct) =>
        db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1), ct);

    public static async Task RecountAsync(ParleyDbContext db, IEnumerable<int> postIds, CancellationToken ct)
    {
        foreach (var postId in postIds.Distinct().Order())
        {
            // Inside a PostgreSQL transaction the count must be read after a concurrent writer's commit: locking the
            // row first makes the recount below a new statement with a fresh snapshot. Without the lock, a second
            // writer blocked on the row would recount from its older snapshot and miss the first one's comment.
            // NO KEY: the comment's foreign key already holds a key-share lock on the row, which FOR UPDATE would deadlock with.
            // (SQLite transactions already write one at a time; outside a transaction each statement commits.)
            if (db.Database.CurrentTransaction is not null && db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Posts" WHERE "Id" = {postId} FOR NO KEY UPDATE""", ct);
            await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(
                p => p.CommentCount, p => db.Comments.Count(c => c.PostId == postId && c.Status == CommentStatus.Approved)), ct);
        }
    }
}
