using Microsoft.EntityFrameworkCore;
using Parley.Core.Comments;
using Parley.Core.Data;

namespace Parley.Core.Posts;

public sealed record DayCount(DateOnly Day, int Count);

/// <summary>The admin home's numbers: what waits for the person, and comments per day.</summary>
public sealed class Dashboard(ParleyDbContext db, TimeProvider clock)
{
    /// <summary>Approved comments per UTC day for the last <paramref name="days"/> days, today included, zero days filled in.</summary>
    public async Task<IReadOnlyList<DayCount>> CommentsPerDayAsync(int days = 30, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = today.AddDays(1 - days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var counted = await db.Comments.AsNoTracking().Where(c => c.CreatedAt >= since && c.Status == CommentStatus.Approved)
            .GroupBy(c => c.CreatedAt.Date).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byDay = counted.ToDictionary(c => DateOnly.FromDateTime(c.Key), c => c.Count);
        return Enumerable.Range(0, days).Select(i => today.AddDays(i + 1 - days))
            .Select(d => new DayCount(d, byDay.GetValueOrDefault(d))).ToList();
    }

    public Task<List<AdminPostRow>> RecentDraftsAsync(PostPermissions who, int take = 5, CancellationToken ct = default) =>
        Mine(who).Where(p => p.Status == PostStatus.Draft || p.Status == PostStatus.Pending).OrderByDescending(p => p.UpdatedAt).Take(take)
            .Select(p => new AdminPostRow(p.Id, p.Kind, p.Title, p.Author!.DisplayName, p.Status, p.PublishedAt, p.UpdatedAt, p.CommentCount)).ToListAsync(ct);

    public Task<List<AdminPostRow>> ScheduledAsync(PostPermissions who, int take = 5, CancellationToken ct = default) =>
        Mine(who).Where(p => p.Status == PostStatus.Scheduled).OrderBy(p => p.PublishedAt).Take(take)
            .Select(p => new AdminPostRow(p.Id, p.Kind, p.Title, p.Author!.DisplayName, p.Status, p.PublishedAt, p.UpdatedAt, p.CommentCount)).ToListAsync(ct);

    private IQueryable<Post> Mine(PostPermissions who) =>
        who.IsEditor ? db.Posts.AsNoTracking() : db.Posts.AsNoTracking().Where(p => p.AuthorId == who.UserId);
}
