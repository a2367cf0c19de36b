namespace Parley.Core.Comments;

/// <summary>
/// A comment brought over from another site. It was written, moderated and notified there: the import
/// keeps its state and date, and only the cleaning and the limits of a new comment apply here.
/// </summary>
public sealed record CommentImport
{
    public int PostId { get; init; }
    /// <summary>An already imported comment of the same post this one answers.</summary>
    public int? ParentId { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? Ip { get; init; }
    /// <summary>Markdown (see <c>WordPressMarkup.CommentToMarkdown</c>).</summary>
    public required string Body { get; init; }
    public CommentStatus Status { get; init; }
    public CommentKind Kind { get; init; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; init; }
    /// <summary>The account that wrote it, when its author was imported as staff.</summary>
    public string? AuthorUserId { get; init; }
}

/// <summary>The comment as saved, and what had to change to fit (an address that was not one, a name too long).</summary>
public sealed record ImportedComment(Comment Comment, IReadOnlyList<string> Changes);
