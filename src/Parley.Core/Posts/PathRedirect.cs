namespace Parley.Core.Posts;

/// <summary>
/// An old public path. With a target it answers 301 to the target's current URL (after a slug change
/// or an import); without one it answers 410 Gone (the post was deleted on purpose).
/// </summary>
public class PathRedirect
{
    public int Id { get; set; }
    /// <summary>Absolute path without query, lower-case, no trailing slash (e.g. <c>/2024/05/old-slug</c>).</summary>
    public required string Path { get; set; }
    public int? PostId { get; set; }
    public Post? Post { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What became of an old address given to <see cref="PostService.AddOldPathAsync"/>.</summary>
public enum OldPathOutcome { Added, AlreadyThere, LeadsElsewhere }
