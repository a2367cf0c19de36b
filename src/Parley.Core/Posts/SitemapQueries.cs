using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Posts;

/// <summary>One address of the sitemap: a public post or page and its last change.</summary>
public sealed record SitemapItem(PostKind Kind, string Slug, DateTime PublishedAt, DateTime UpdatedAt);

/// <summary>
/// What the sitemap reads: the public posts (or pages) in one fixed order, oldest first, so a new post joins
/// the end and the earlier parts keep their contents. Every query here is answered from the index made for it
/// (<c>Kind, PublishedAt, Slug, Status, UpdatedAt</c>) without opening a post's row: on a site of 100,000 posts
/// the rows are gigabytes and the index a few megabytes.
/// </summary>
public sealed class SitemapQueries(ParleyDbContext db, TimeProvider clock)
{
    private IQueryable<Post> InOrder(PostKind kind) =>
        db.Posts.AsNoTracking().Where(p => p.Kind == kind).Where(PostQueries.IsPublicAt(clock.GetUtcNow().UtcDateTime))
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Slug);

    /// <summary>
    /// The last change of every public item of a kind, in sitemap order, streamed (for the sitemap index, which
    /// needs each part's newest change). One small column each, read from the index.
    /// </summary>
    public IAsyncEnumerable<DateTime> ChangesInOrderAsync(PostKind kind) =>
        InOrder(kind).Select(p => p.UpdatedAt).AsAsyncEnumerable();

    /// <summary>
    /// The items at positions <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> − 1 in
    /// sitemap order. The offset steps over index entries only, a few milliseconds at 100,000.
    /// </summary>
    public async Task<IReadOnlyList<SitemapItem>> SliceAsync(PostKind kind, int skip, int take, CancellationToken ct = default)
    {
        if (take <= 0) return [];
        return await InOrder(kind).Skip(skip).Take(take)
            .Select(p => new SitemapItem(p.Kind, p.Slug, p.PublishedAt!.Value, p.UpdatedAt)).ToListAsync(ct);
    }

    /// <summary>The newest change to a public item of a kind, or null when there is none.</summary>
    public Task<DateTime?> LastChangeAsync(PostKind kind, CancellationToken ct = default) =>
        // Per kind, so the kind leads the index and no row is opened (without it SQLite picks another index).
        db.Posts.AsNoTracking().Where(p => p.Kind == kind).Where(PostQueries.IsPublicAt(clock.GetUtcNow().UtcDateTime))
            .MaxAsync(p => (DateTime?)p.UpdatedAt, ct);
}
