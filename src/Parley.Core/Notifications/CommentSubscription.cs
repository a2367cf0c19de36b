namespace Parley.Core.Notifications;

/// <summary>A reader's wish to hear of new comments: on a whole post, or only replies to one comment of theirs.</summary>
public class CommentSubscription
{
    public int Id { get; set; }
    public int PostId { get; set; }
    /// <summary>For <see cref="SubscriptionScope.Replies"/>: the comment whose replies are wanted.</summary>
    public int? CommentId { get; set; }
    public SubscriptionScope Scope { get; set; }
    public required string Email { get; set; }
    /// <summary>Random secret in the confirm and unsubscribe links (the links are the only way to act on it).</summary>
    public required string Token { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Nothing is sent before the reader confirms from the first mail (double opt-in).</summary>
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }
}

public enum SubscriptionScope { Replies = 0, Thread = 1 }
