using Parley.Core.Posts;

namespace Parley.Web.Api;

/// <summary>A list answer: <c>{ "items": [...], "total": N, "page": P, "pageSize": S }</c>.</summary>
public sealed record ApiList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record ApiAuthor(string Id, string Name);

/// <summary>A post or page as the API shows it. The Markdown source is shown to those who may edit it.</summary>
public sealed record ApiPost(
    int Id, string Kind, string Title, string Slug, string Url, string Status, DateTime? PublishedAt, DateTime UpdatedAt,
    string? Excerpt, string? BodyMarkdown, string BodyHtml, ApiAuthor Author, IReadOnlyList<string> Categories, IReadOnlyList<string> Tags,
    string? ReaderQuestion, bool CommentsOpen, int CommentCount, int? FeaturedImageId, int Version);

/// <summary>What a client sends to create or update a post or page.</summary>
public sealed record ApiPostWrite(
    string? Title, string? Slug, string? Excerpt, string? Body, string? Status, DateTime? PublishAt, IReadOnlyList<string>? Categories,
    IReadOnlyList<string>? Tags, string? ReaderQuestion, bool? CommentsOpen, int? FeaturedImageId, int? Version);

public sealed record ApiCategory(int Id, string Name, string Slug, int? ParentId, string? Description);

public sealed record ApiTag(int Id, string Name, string Slug, int Posts);

public sealed record ApiComment(int Id, int? ParentId, string AuthorName, string? AuthorUrl, string BodyHtml, DateTime CreatedAt, string? Via, int Likes);

/// <summary>A staff member; <c>deactivated</c> ones cannot sign in or use their tokens (the admin Users page reactivates them).</summary>
public sealed record ApiUser(string Id, string Name, string Slug, string? Email, IReadOnlyList<string> Roles, bool Deactivated);

public static class ApiStatuses
{
    public static string Name(PostStatus status) => status switch
    {
        PostStatus.Published => "published", PostStatus.Scheduled => "scheduled", PostStatus.Pending => "pending", PostStatus.Trashed => "trashed", _ => "draft",
    };

    public static PostStatus? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "draft" => PostStatus.Draft, "pending" => PostStatus.Pending, "published" or "publish" => PostStatus.Published, "scheduled" => PostStatus.Scheduled, _ => null,
    };
}
