using Parley.Core.Accounts;
using Parley.Core.Media;

namespace Parley.Core.Posts;

/// <summary>A blog post or a standalone page. Both share storage, rendering and slugs.</summary>
public class Post
{
    public int Id { get; set; }
    public PostKind Kind { get; set; } = PostKind.Post;
    public required string Title { get; set; }
    /// <summary>URL segment; unique per kind. Changing it leaves a 301 redirect behind.</summary>
    public required string Slug { get; set; }
    /// <summary>Author-written summary; when empty, listings use the start of the body.</summary>
    public string? Excerpt { get; set; }
    /// <summary>Markdown as the author wrote it.</summary>
    public string BodySource { get; set; } = "";
    /// <summary>Sanitized HTML rendered from <see cref="BodySource"/> when saved (never per request).</summary>
    public string BodyHtml { get; set; } = "";
    /// <summary>Plain text of the body, for search and excerpts.</summary>
    public string BodyText { get; set; } = "";
    public PostStatus Status { get; set; } = PostStatus.Draft;
    /// <summary>UTC. For scheduled posts the moment they go live; for published posts the date shown.</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC; drives Last-Modified and feed update times.</summary>
    public DateTime UpdatedAt { get; set; }
    public required string AuthorId { get; set; }
    public ParleyUser? Author { get; set; }
    public int? FeaturedImageId { get; set; }
    public MediaItem? FeaturedImage { get; set; }
    public bool CommentsOpen { get; set; } = true;
    /// <summary>Close comments this many days after publishing; null follows the site's setting.</summary>
    public int? CommentsCloseAfterDays { get; set; }
    /// <summary>The question the author asks readers at the end of the post, shown above the reply form.</summary>
    public string? ReaderQuestion { get; set; }
    /// <summary>Approved comments, kept by the comment service so listings need no count query.</summary>
    public int CommentCount { get; set; }
    public List<Category> Categories { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<PostRevision> Revisions { get; set; } = [];
    /// <summary>Goes up with every save; an editor saving over a newer version is told, never silently overwritten.</summary>
    public int Version { get; set; }

    public bool IsPublic(DateTime nowUtc) =>
        Status == PostStatus.Published && PublishedAt is { } at && at <= nowUtc;
}

public enum PostKind { Post = 0, Page = 1 }

/// <summary>Pending: a Contributor's post submitted for review, waiting for an Editor.</summary>
public enum PostStatus { Draft = 0, Scheduled = 1, Published = 2, Trashed = 3, Pending = 4 }
