using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Posts;

/// <summary>
/// What the public site reads. Everything here shows only what is public now: published (or
/// scheduled and due) posts and pages. Reads are untracked.
/// </summary>
public sealed class PostQueries(ParleyDbContext db, TimeProvider clock)
{
    /// <summary>Longest automatic summary, in characters, cut at a word.</summary>
    public const int SummaryLength = 320;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static Expression<Func<Post, bool>> IsPublicAt(DateTime nowUtc) => p =>
        (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.PublishedAt != null && p.PublishedAt <= nowUtc;

    private IQueryable<Post> Public(PostKind kind) =>
        db.Posts.AsNoTracking().Where(IsPublicAt(Now)).Where(p => p.Kind == kind);

    private IQueryable<Post> Filtered(PostFilter filter)
    {
        var query = Public(PostKind.Post);
        if (filter.CategoryIds is { } cats) query = query.Where(p => p.Categories.Any(c => cats.Contains(c.Id)));
        if (filter.TagId is { } tagId) query = query.Where(p => p.Tags.Any(t => t.Id == tagId));
        if (filter.AuthorId is { } authorId) query = query.Where(p => p.AuthorId == authorId);
        if (filter.FromUtc is { } from) query = query.Where(p => p.PublishedAt >= from);
        if (filter.ToUtc is { } to) query = query.Where(p => p.PublishedAt < to);
        return query;
    }

    public async Task<PagedResult<PostSummary>> ListAsync(PostFilter filter, int page, int pageSize, CancellationToken ct = default) =>
        await PageAsync(filter, page, pageSize, await CountAsync(filter, ct), ct);

    /// <summary>How many public posts the filter matches (every one is read: on a large site, worth keeping).</summary>
    public Task<int> CountAsync(PostFilter filter, CancellationToken ct = default) => Filtered(filter).CountAsync(ct);

    /// <summary>One page of the filter's posts, newest first, when the total is already known.</summary>
    public async Task<PagedResult<PostSummary>> PageAsync(PostFilter filter, int page, int pageSize, int total, CancellationToken ct = default)
    {
        var items = await SummariesAsync(Filtered(filter).OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new PagedResult<PostSummary>(items, page, pageSize, total);
    }

    /// <summary>The newest public posts with their bodies, for feeds.</summary>
    public async Task<IReadOnlyList<PublicPost>> FeedPostsAsync(PostFilter filter, int take, CancellationToken ct = default) =>
        await WithTermsAsync(await Full(Filtered(filter).OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(take)).ToListAsync(ct), ct);

    /// <summary>The public post or page with everything its page shows, or null.</summary>
    public async Task<PublicPost?> FindAsync(PostKind kind, string slug, CancellationToken ct = default) =>
        await Full(Public(kind).Where(p => p.Slug == slug).OrderBy(p => p.Id)).FirstOrDefaultAsync(ct) is { } post
            ? (await WithTermsAsync([post], ct))[0]
            : null;

    private static IQueryable<PublicPost> Full(IQueryable<Post> query) => query.Select(p => new PublicPost(
        p.Id, p.Kind, p.Title, p.Slug, p.Excerpt, p.BodyHtml, p.BodyText.Substring(0, SummaryLength + 1),
        // Words counted by the database (spaces + 1; the plain text has single spaces), so the text stays there.
        p.BodyText.Length - p.BodyText.Replace(" ", "").Length + 1, p.PublishedAt!.Value, p.UpdatedAt,
        p.AuthorId, new AuthorRef(p.Author!.DisplayName, p.Author.Slug), Array.Empty<TermRef>(), Array.Empty<TermRef>(),
        p.FeaturedImage, p.CommentsOpen, p.CommentsCloseAfterDays, p.ReaderQuestion, p.CommentCount));

    // Categories and tags are read in queries of their own, by post id. Joined into the post query they cost
    // twice: every category × tag row repeats the post's whole body, and SQLite cannot flatten a LEFT JOIN on a
    // joined subquery, so it would build the terms of every post on the site for each page view.
    private async Task<List<PublicPost>> WithTermsAsync(List<PublicPost> posts, CancellationToken ct)
    {
        if (posts.Count == 0) return posts;
        var ids = posts.Select(p => p.Id).ToList();
        var categories = await CategoriesOfAsync(ids, ct);
        var tags = await TermsOfAsync(ids, "PostTags", "TagsId", db.Tags.Select(t => new TermRow { Id = t.Id, Name = t.Name, Slug = t.Slug }), ct);
        return posts.Select(p => p with { Categories = categories[p.Id].ToList(), Tags = tags[p.Id].ToList() }).ToList();
    }

    private Task<ILookup<int, TermRef>> CategoriesOfAsync(List<int> ids, CancellationToken ct) =>
        TermsOfAsync(ids, "PostCategories", "CategoriesId", db.Categories.Select(c => new TermRow { Id = c.Id, Name = c.Name, Slug = c.Slug }), ct);

    /// <summary>The terms of each post, by name, from a many-to-many link table (<c>PostsId</c>, <paramref name="termKey"/>).</summary>
    private async Task<ILookup<int, TermRef>> TermsOfAsync(List<int> ids, string links, string termKey, IQueryable<TermRow> terms, CancellationToken ct) =>
        (await (
            from link in db.Set<Dictionary<string, object>>(links)
            where ids.Contains(EF.Property<int>(link, "PostsId"))
            join t in terms on EF.Property<int>(link, termKey) equals t.Id
            select new { PostId = EF.Property<int>(link, "PostsId"), Term = t }).AsNoTracking().ToListAsync(ct))
        .OrderBy(r => r.Term.Name).ToLookup(r => r.PostId, r => new TermRef(r.Term.Id, r.Term.Name, r.Term.Slug));

    private sealed class TermRow
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public required string Slug { get; init; }
    }

    public async Task<(PostSummary? Previous, PostSummary? Next)> NeighboursAsync(PublicPost post, CancellationToken ct = default)
    {
        var at = post.PublishedAt;
        var previous = await SummariesAsync(Public(PostKind.Post)
            .Where(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id < post.Id))
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(1), ct);
        var next = await SummariesAsync(Public(PostKind.Post)
            .Where(p => p.PublishedAt > at || (p.PublishedAt == at && p.Id > post.Id))
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Take(1), ct);
        return (previous.FirstOrDefault(), next.FirstOrDefault());
    }

    /// <summary>Up to <paramref name="count"/> posts sharing the most tags, then the same categories.</summary>
    public async Task<IReadOnlyList<PostSummary>> RelatedAsync(PublicPost post, int count = 3, CancellationToken ct = default)
    {
        var tagIds = post.Tags.Select(t => t.Id).ToList();
        var categoryIds = post.Categories.Select(c => c.Id).ToList();
        return await SummariesAsync(Public(PostKind.Post)
            .Where(p => p.Id != post.Id && (p.Tags.Any(t => tagIds.Contains(t.Id)) || p.Categories.Any(c => categoryIds.Contains(c.Id))))
            .OrderByDescending(p => p.Tags.Count(t => tagIds.Contains(t.Id)))
            .ThenByDescending(p => p.Categories.Count(c => categoryIds.Contains(c.Id)))
            .ThenByDescending(p => p.PublishedAt)
            .Take(count), ct);
    }

    public async Task<IReadOnlyList<PostSummary>> PagesAsync(CancellationToken ct = default) =>
        await SummariesAsync(Public(PostKind.Page).OrderBy(p => p.Title), ct);

    /// <summary>
    /// A category by slug with the ids of it and all its descendants, since a category's archive
    /// and feed include posts filed under its sub-categories (as in WordPress). Null when unknown.
    /// </summary>
    public async Task<(Category Category, IReadOnlyList<int> Ids)?> CategoryWithDescendantsAsync(string slug, CancellationToken ct = default)
    {
        var all = await db.Categories.AsNoTracking().ToListAsync(ct);
        var category = all.FirstOrDefault(c => c.Slug == slug);
        if (category is null) return null;
        var ids = new List<int> { category.Id };
        for (var i = 0; i < ids.Count; i++)
            ids.AddRange(all.Where(c => c.ParentId == ids[i] && !ids.Contains(c.Id)).Select(c => c.Id));
        return (category, ids);
    }

    /// <summary>Categories in tree order (parents before children) with their number of public posts.</summary>
    public async Task<IReadOnlyList<TermCount>> CategoriesAsync(CancellationToken ct = default)
    {
        var now = Now;
        var rows = await db.Categories.AsNoTracking()
            // The predicate is written out rather than reusing IsPublicAt: a helper call inside a
            // projection makes EF see a new constant each time and recompile the query per request.
            .Select(c => new
            {
                c.Id, c.ParentId, c.Name, c.Slug,
                Count = c.Posts.Count(p => (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.Kind == PostKind.Post && p.PublishedAt <= now),
            })
            .ToListAsync(ct);
        var result = new List<TermCount>(rows.Count);
        void Walk(int? parentId, int depth)
        {
            foreach (var c in rows.Where(r => r.ParentId == parentId).OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                result.Add(new TermCount(c.Name, c.Slug, c.Count, depth));
                if (depth < 10) Walk(c.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>The most used tags on public posts, with their counts.</summary>
    public async Task<IReadOnlyList<TermCount>> TagsAsync(int take, CancellationToken ct = default)
    {
        var now = Now;
        // One pass over the links, grouped: counting per tag in a subquery would scan them once per tag (and
        // three times, for the filter, the value and the order), seconds on a site with 100,000 posts.
        var counts = await (
                from link in db.Set<Dictionary<string, object>>("PostTags")
                join p in db.Posts on EF.Property<int>(link, "PostsId") equals p.Id
                where (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.PublishedAt <= now
                group p by EF.Property<int>(link, "TagsId") into g
                select new { TagId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.TagId, c => c.Count, ct);
        var tags = await db.Tags.AsNoTracking().Select(t => new { t.Id, t.Name, t.Slug }).ToListAsync(ct);
        return tags.Where(t => counts.ContainsKey(t.Id))
            .OrderByDescending(t => counts[t.Id]).ThenBy(t => t.Name, StringComparer.Ordinal).Take(take)
            .Select(t => new TermCount(t.Name, t.Slug, counts[t.Id], 0)).ToList();
    }

    /// <summary>Months that have posts, newest first, cut at the site's current UTC offset.</summary>
    public async Task<IReadOnlyList<MonthCount>> MonthsAsync(TimeZoneInfo zone, CancellationToken ct = default)
    {
        var offsetHours = zone.GetUtcOffset(Now).TotalHours;
        var rows = await Public(PostKind.Post)
            .Select(p => p.PublishedAt!.Value.AddHours(offsetHours))
            .GroupBy(d => new { d.Year, d.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Year).ThenByDescending(r => r.Month)
            .Select(r => new MonthCount(r.Year, r.Month, r.Count)).ToList();
    }

    /// <summary>The latest change to anything public, for Last-Modified on listings and feeds.</summary>
    public async Task<DateTime?> LastChangeAsync(CancellationToken ct = default) =>
        await db.Posts.AsNoTracking().Where(IsPublicAt(Now)).MaxAsync(p => (DateTime?)p.UpdatedAt, ct);

    private sealed record Row(
        int Id, PostKind Kind, string Title, string Slug, string? Excerpt, string Text, DateTime PublishedAt, DateTime UpdatedAt,
        string AuthorName, string AuthorSlug, Media.MediaItem? FeaturedImage, int CommentCount);

    /// <summary>Summaries of the posts the query picks, in its order, with their categories (read separately, see <see cref="WithTermsAsync"/>).</summary>
    private async Task<List<PostSummary>> SummariesAsync(IQueryable<Post> query, CancellationToken ct)
    {
        var rows = await query.Select(p => new Row(
            p.Id, p.Kind, p.Title, p.Slug, p.Excerpt, p.BodyText.Substring(0, SummaryLength + 1),
            p.PublishedAt!.Value, p.UpdatedAt, p.Author!.DisplayName, p.Author.Slug, p.FeaturedImage, p.CommentCount)).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var categories = await CategoriesOfAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => new PostSummary(
            r.Id, r.Kind, r.Title, r.Slug, r.Excerpt ?? Shorten(r.Text), r.PublishedAt, r.UpdatedAt,
            new AuthorRef(r.AuthorName, r.AuthorSlug), categories[r.Id].ToList(), r.FeaturedImage, r.CommentCount)).ToList();
    }

    /// <summary>Cuts text at the last whole word within <see cref="SummaryLength"/> characters.</summary>
    public static string Shorten(string text)
    {
        if (text.Length <= SummaryLength) return text;
        var cut = text.LastIndexOf(' ', SummaryLength);
        return (cut > SummaryLength / 2 ? text[..cut] : text[..SummaryLength]).TrimEnd(',', ';', ':', '.', ' ') + "…";
    }
}
