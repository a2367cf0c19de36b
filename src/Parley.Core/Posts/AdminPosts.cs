using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Posts;

public sealed record AdminPostRow(int Id, PostKind Kind, string Title, string AuthorName, PostStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, int CommentCount);

public sealed record RevisionRow(int Id, string Title, DateTime CreatedAt, string AuthorName);

/// <summary>What the admin area reads about posts: lists by status, one post to edit, its revisions.</summary>
public sealed class AdminPosts(ParleyDbContext db, PostService posts)
{
    public const int PageSize = 20;

    public async Task<PagedResult<AdminPostRow>> ListAsync(PostPermissions who, PostKind kind, PostStatus? status, string? search, int page, CancellationToken ct = default)
    {
        var query = db.Posts.AsNoTracking().Where(p => p.Kind == kind && p.Status != PostStatus.Trashed);
        if (!who.IsEditor) query = query.Where(p => p.AuthorId == who.UserId);
        if (status is { } s) query = query.Where(p => p.Status == s);
        if (!string.IsNullOrWhiteSpace(search) && search.Length <= 200) query = query.Where(p => p.Title.Contains(search.Trim()));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(p => p.UpdatedAt).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new AdminPostRow(p.Id, p.Kind, p.Title, p.Author!.DisplayName, p.Status, p.PublishedAt, p.UpdatedAt, p.CommentCount))
            .ToListAsync(ct);
        return new PagedResult<AdminPostRow>(items, page, PageSize, total);
    }

    public async Task<IReadOnlyDictionary<PostStatus, int>> CountsAsync(PostPermissions who, PostKind kind, CancellationToken ct = default)
    {
        var query = db.Posts.AsNoTracking().Where(p => p.Kind == kind);
        if (!who.IsEditor) query = query.Where(p => p.AuthorId == who.UserId);
        return await query.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public Task<Post?> FindAsync(int id, CancellationToken ct = default) =>
        db.Posts.AsNoTracking().Include(p => p.Categories).Include(p => p.Tags).Include(p => p.Author).FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<List<RevisionRow>> RevisionsAsync(int postId, CancellationToken ct = default) =>
        db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId).OrderByDescending(r => r.Id)
            .Select(r => new RevisionRow(r.Id, r.Title, r.CreatedAt, db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? "someone"))
            .ToListAsync(ct);

    public Task<PostRevision?> RevisionAsync(int postId, int revisionId, CancellationToken ct = default) =>
        db.PostRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.PostId == postId && r.Id == revisionId, ct);

    /// <summary>Puts an old revision's title and text back, as a new save (and so a new revision); the rest of the post stays.</summary>
    public async Task<Post> RestoreAsync(int postId, int revisionId, string editorId, CancellationToken ct = default)
    {
        var post = await FindAsync(postId, ct) ?? throw new NotFoundException("The post");
        var revision = await RevisionAsync(postId, revisionId, ct) ?? throw new NotFoundException("The revision");
        return await posts.UpdateAsync(postId, new PostInput
        {
            Kind = post.Kind, Title = revision.Title, Body = revision.BodySource, Slug = post.Slug, Excerpt = post.Excerpt,
            Status = post.Status == PostStatus.Scheduled ? PostStatus.Published : post.Status, PublishAt = post.PublishedAt,
            Categories = post.Categories.Select(c => c.Slug).ToList(), Tags = post.Tags.Select(t => t.Name).ToList(),
            FeaturedImageId = post.FeaturedImageId, CommentsOpen = post.CommentsOpen, CommentsCloseAfterDays = post.CommentsCloseAfterDays,
            ReaderQuestion = post.ReaderQuestion, ExpectedVersion = post.Version,
        }, editorId, ct);
    }

    public Task<List<Category>> CategoriesAsync(CancellationToken ct = default) => db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    /// <summary>The images an editor picks a featured image from: the latest fifty, plus the current one.</summary>
    public Task<List<Media.MediaItem>> RecentMediaAsync(int? current, CancellationToken ct = default) =>
        db.MediaItems.AsNoTracking().Where(m => m.StoragePath != null || m.Id == current).OrderByDescending(m => m.Id == current).ThenByDescending(m => m.CreatedAt).Take(50).ToListAsync(ct);

    public Task<List<string>> TagNamesAsync(CancellationToken ct = default) => db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).Take(2000).ToListAsync(ct);
}
