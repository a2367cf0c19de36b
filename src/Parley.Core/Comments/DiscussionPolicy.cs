namespace Parley.Core.Comments;

/// <summary>When a new comment needs a moderator's approval before anyone else sees it.</summary>
public enum ModerationPolicy
{
    /// <summary>Every comment waits for approval.</summary>
    HoldAll = 0,
    /// <summary>A commenter's first comment waits; once one is approved, later ones appear at once (WordPress's default).</summary>
    HoldFirst = 1,
    /// <summary>Comments appear at once unless a rule below holds them.</summary>
    PublishAll = 2,
}
