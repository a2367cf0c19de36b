namespace Parley.Core.Comments;

/// <summary>What a reader submits in the reply form.</summary>
public sealed record CommentInput
{
    public int PostId { get; init; }
    public int? ParentId { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? Body { get; init; }
    /// <summary>What the commenter wants to hear about by email, if anything.</summary>
    public Notifications.SubscriptionScope? Notify { get; init; }
}

/// <summary>Who is posting, as the web layer knows it.</summary>
/// <param name="Ip">The commenter's address, for rate limits, lists and the spam service.</param>
/// <param name="UserAgent">The browser's own description, for the spam service.</param>
/// <param name="UserId">The signed-in account writing the comment; null for a guest.</param>
/// <param name="Referrer">The page the form was posted from, for the spam service.</param>
/// <param name="IsStaff">Staff comments are published at once, as in WordPress.</param>
/// <param name="Via">How the account signed in ("GitHub", "Email"), shown as a badge on the comment.</param>
public sealed record CommenterContext(string? Ip, string? UserAgent, string? UserId = null, string? Referrer = null, bool IsStaff = false, string? Via = null);

/// <summary>A comment refused by the block list: not saved, and not told why in detail.</summary>
public sealed class CommentRejectedException() : Exception("This comment cannot be posted.");

/// <summary>The limits of every field, as WordPress has them, so imported comments always fit.</summary>
public static class CommentLimits
{
    public const int Name = 245;
    public const int Email = 100;
    public const int Website = 200;
    public const int Body = 65_525;
    public const int UserAgent = 500;
}
