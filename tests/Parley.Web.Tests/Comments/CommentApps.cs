using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>Apps whose rate limit and minimum typing time are lifted, so tests can post many comments quickly.</summary>
public sealed class CommentApps : ParleyApps
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Parley:Limits:CommentMinimumSeconds"] = "0",
        ["Parley:Limits:CommentsPerWindow"] = "100000",
    };
}

/// <summary>Apps with the real limits: one comment per 15 seconds, and no posting within 10 minutes of loading the form.</summary>
public sealed class StrictCommentApps : ParleyApps
{
    protected override Dictionary<string, string?> Settings => new() { ["Parley:Limits:CommentMinimumSeconds"] = "600" };
}

/// <summary>Apps with the real rate limit and no minimum typing time.</summary>
public sealed class RateLimitedCommentApps : ParleyApps
{
    protected override Dictionary<string, string?> Settings => new() { ["Parley:Limits:CommentMinimumSeconds"] = "0" };
}
