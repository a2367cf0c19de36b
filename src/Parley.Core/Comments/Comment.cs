using Parley.Core.Posts;

namespace Parley.Core.Comments;

/// <summary>A reader's comment under a post. The source and the sanitized HTML are stored side by side.</summary>
public class Comment
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    /// <summary>The comment this one answers; null for a top-level comment.</summary>
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    /// <summary>0 for top level; never more than the site's thread depth minus one.</summary>
    public int Depth { get; set; }

    public required string AuthorName { get; set; }
    /// <summary>Never shown or published; used for the avatar, for trust and for notifications.</summary>
    public string? AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }
    /// <summary>The signed-in account that wrote it, when not a guest.</summary>
    public string? AuthorUserId { get; set; }
    /// <summary>How the account was signed in when it wrote this ("GitHub", "Email", ...): the badge beside the name.</summary>
    public string? AuthorVia { get; set; }
    /// <summary>Key of the locally generated avatar: a keyed hash of the email, useless to anyone else.</summary>
    public required string AvatarKey { get; set; }
    public string? AuthorIp { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>Markdown as the commenter wrote it.</summary>
    public required string BodySource { get; set; }
    /// <summary>Sanitized HTML rendered from <see cref="BodySource"/> when saved.</summary>
    public required string BodyHtml { get; set; }
    /// <summary>Hash of the source, so "already posted" is an index lookup however long the thread.</summary>
    public string BodyHash { get; set; } = "";
    public CommentStatus Status { get; set; }
    /// <summary>A reader's comment, or a notice that another site linked here (imported from WordPress).</summary>
    public CommentKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public bool IsPinned { get; set; }
    /// <summary>When subscribers were told of this comment; set once, so re-approving never mails twice.</summary>
    public DateTime? NotifiedAt { get; set; }
    public int LikeCount { get; set; }
}

public enum CommentStatus { Pending = 0, Approved = 1, Spam = 2, Trash = 3 }

/// <summary>
/// Parley itself only makes comments; pingbacks and trackbacks ("this other post links here") come from
/// WordPress imports and are kept as such, so the theme can show them apart.
/// </summary>
public enum CommentKind { Comment = 0, Pingback = 1, Trackback = 2 }
