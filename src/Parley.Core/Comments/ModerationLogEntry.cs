namespace Parley.Core.Comments;

/// <summary>One moderation action: who did what to which comment, and when.</summary>
public class ModerationLogEntry
{
    public long Id { get; set; }
    public int CommentId { get; set; }
    public ModerationAction Action { get; set; }
    public CommentStatus FromStatus { get; set; }
    public CommentStatus? ToStatus { get; set; }
    /// <summary>The staff user who acted, or "author" (the commenter took it back) or "reports" (readers' reports held it).</summary>
    public required string ModeratorId { get; set; }
    public DateTime At { get; set; }
}

public enum ModerationAction { Approve = 0, Unapprove = 1, Spam = 2, Trash = 3, Restore = 4, Delete = 5, Pin = 6, Unpin = 7, Ban = 8 }
