namespace Parley.Core.Posts;

/// <summary>What an author submits when creating or updating a post or page.</summary>
public sealed record PostInput
{
    public PostKind Kind { get; init; } = PostKind.Post;
    public required string Title { get; init; }
    /// <summary>Wanted slug; when empty one is made from the title.</summary>
    public string? Slug { get; init; }
    public string? Excerpt { get; init; }
    public string Body { get; init; } = "";
    /// <summary>Draft, Pending (submitted for review), or Published (which becomes Scheduled when <see cref="PublishAt"/> is in the future).</summary>
    public PostStatus Status { get; init; } = PostStatus.Draft;
    /// <summary>UTC. Empty on publish means now.</summary>
    public DateTime? PublishAt { get; init; }
    /// <summary>Slugs of existing categories.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Tag names; unknown tags are created.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    public int? FeaturedImageId { get; init; }
    public bool CommentsOpen { get; init; } = true;
    /// <summary>Close comments this many days after publishing; null follows the site's setting.</summary>
    public int? CommentsCloseAfterDays { get; init; }
    public string? ReaderQuestion { get; init; }
    /// <summary>The <see cref="Post.Version"/> the editor started from; a save over a newer one is refused.</summary>
    public int? ExpectedVersion { get; init; }
}
