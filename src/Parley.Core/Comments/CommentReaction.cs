namespace Parley.Core.Comments;

/// <summary>
/// A reader's like or report of a comment. The reader is known only by a key (a hash of their browser's
/// signed id or of their account), so each reader counts once and nobody learns who it was.
/// </summary>
public class CommentReaction
{
    public long Id { get; set; }
    public int CommentId { get; set; }
    public ReactionKind Kind { get; set; }
    public required string ReaderKey { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum ReactionKind { Like = 0, Report = 1 }
