namespace Parley.Web.Caching;

/// <summary>
/// Present on a request whose answer may be kept and shown to other visitors: a GET from someone
/// who is not signed in and has nothing of their own on the page (no held comments, no remembered name).
/// A page seeing it renders nothing about this visitor (no anti-forgery token, no form stamp: the page's
/// script fetches those) and says which discussions it shows, so the cache drops it exactly when they change.
/// </summary>
public sealed class SharedPage(long startedAt)
{
    private List<int>? _posts;

    /// <summary>The cache's change counter when rendering began: a change after that makes this copy unsafe to keep.</summary>
    internal long StartedAt { get; } = startedAt;
    internal bool Kept { get; private set; }
    internal bool ShowsAllDiscussions { get; private set; }
    internal IReadOnlyList<int> Posts => _posts ?? (IReadOnlyList<int>)[];
    internal DateTimeOffset? Until { get; private set; }

    /// <summary>The page shared by everyone, or null when this request must be rendered for its visitor alone.</summary>
    public static SharedPage? Of(HttpContext http) => http.Features.Get<SharedPage>();

    /// <summary>Whether this response is rendered for everyone (and so must carry nothing personal).</summary>
    public static bool IsShared(HttpContext http) => Of(http) is not null;

    /// <summary>Keep this answer. It shows the discussions (or comment counts) of <paramref name="postIds"/>.</summary>
    public void Keep(params IEnumerable<int> postIds)
    {
        Kept = true;
        (_posts ??= []).AddRange(postIds);
    }

    /// <summary>Keep this answer; it shows comments from any post (the site's comment feed, "Recent comments").</summary>
    public void KeepShowingAllDiscussions()
    {
        Kept = true;
        ShowsAllDiscussions = true;
    }

    /// <summary>The page changes by itself at this time (comments close): it is not served after it.</summary>
    public void ExpireAt(DateTimeOffset at)
    {
        if (Until is null || at < Until) Until = at;
    }
}
