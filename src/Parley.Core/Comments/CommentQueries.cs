using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Core.Comments;

/// <summary>A comment as the thread shows it; the email never leaves the service layer.</summary>
public sealed record CommentView(
    int Id, int? ParentId, int Depth, string AuthorName, string? AuthorUrl, string AvatarKey, string BodyHtml,
    DateTime CreatedAt, DateTime? EditedAt, CommentStatus Status, bool IsPinned, int LikeCount, bool ByPostAuthor)
{
    public List<CommentView> Replies { get; } = [];
    /// <summary>Gravatar's key for the author's email, only when the owner turned Gravatar on.</summary>
    public string? GravatarHash { get; init; }
    /// <summary>How a signed-in commenter signed in ("GitHub", "Email"); null for guests.</summary>
    public string? Via { get; init; }
    public bool AwaitingModeration => Status == CommentStatus.Pending;

    public static CommentView From(Comment c, bool byPostAuthor = false) => new(c.Id, c.ParentId, c.Depth, c.AuthorName, c.AuthorUrl,
        c.AvatarKey, c.BodyHtml, c.CreatedAt, c.EditedAt, c.Status, c.IsPinned, c.LikeCount, byPostAuthor) { Via = c.AuthorVia };
}

public enum CommentOrder { Oldest, Newest, MostLiked }

/// <summary>An approved comment with its post, for comment feeds and the "recent comments" list.</summary>
public sealed record RecentComment(int Id, string AuthorName, string BodyHtml, DateTime CreatedAt, int PostId, string PostTitle, string PostSlug, DateTime PostPublishedAt);

/// <summary>Reads a post's discussion for its page.</summary>
public sealed class CommentQueries(ParleyDbContext db)
{
    /// <summary>The most comments one page of a thread loads; beyond it the thread is paged.</summary>
    public const int MaxPerPost = 2000;

    /// <summary>The newest approved comments on public posts, site-wide or for one post.</summary>
    public async Task<IReadOnlyList<RecentComment>> RecentAsync(int take, int? postId, DateTime nowUtc, CancellationToken ct = default)
    {
        var query = db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Approved)
            .Where(c => (c.Post!.Status == PostStatus.Published || c.Post.Status == PostStatus.Scheduled) && c.Post.PublishedAt <= nowUtc);
        if (postId is { } id) query = query.Where(c => c.PostId == id);
        return await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new RecentComment(c.Id, c.AuthorName, c.BodyHtml, c.CreatedAt, c.PostId, c.Post!.Title, c.Post.Slug, c.Post.PublishedAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The post's approved comments as a tree, plus the held comments listed in <paramref name="ownPending"/>
    /// (the reader's own, known from their signed cookie), which only they see.
    /// </summary>
    public async Task<IReadOnlyList<CommentView>> ThreadAsync(int postId, string postAuthorId, IReadOnlyCollection<int> ownPending,
        CommentOrder order, CancellationToken ct = default, bool gravatar = false)
    {
        var own = ownPending.Take(50).ToList();
        var found = await db.Comments.AsNoTracking()
            .Where(c => c.PostId == postId && (c.Status == CommentStatus.Approved || (c.Status == CommentStatus.Pending && own.Contains(c.Id))))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Take(MaxPerPost)
            .Select(c => new
            {
                View = new CommentView(c.Id, c.ParentId, c.Depth, c.AuthorName, c.AuthorUrl, c.AvatarKey, c.BodyHtml,
                    c.CreatedAt, c.EditedAt, c.Status, c.IsPinned, c.LikeCount, c.AuthorUserId != null && c.AuthorUserId == postAuthorId),
                Email = gravatar ? c.AuthorEmail : null,
                c.AuthorVia,
            })
            .ToListAsync(ct);
        var rows = found.Select(r => r.View with
        {
            Via = r.AuthorVia,
            GravatarHash = r.Email is null ? null : Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(r.Email.Trim().ToLowerInvariant()))),
        }).ToList();

        var byId = rows.ToDictionary(c => c.Id);
        var roots = new List<CommentView>();
        foreach (var comment in rows)
        {
            // A reply whose parent is hidden (held, spam, trash) is shown at the top level rather than lost.
            if (comment.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent)) parent.Replies.Add(comment);
            else roots.Add(comment);
        }
        IEnumerable<CommentView> sorted = order switch
        {
            CommentOrder.Newest => roots.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            CommentOrder.MostLiked => roots.OrderByDescending(c => c.LikeCount).ThenBy(c => c.CreatedAt),
            _ => roots,
        };
        return sorted.OrderByDescending(c => c.IsPinned).ToList();
    }
}
