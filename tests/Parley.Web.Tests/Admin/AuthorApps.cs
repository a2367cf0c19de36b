using Parley.Testing;

namespace Parley.Web.Tests.Admin;

/// <summary>Apps for the author's side, with a clock the tests move (scheduling).</summary>
public sealed class AuthorApps : ParleyApps
{
    protected override bool FakeClock => true;

    // The clock stands still unless a test moves it, so the reply form's typing-time check is off here.
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Parley:Limits:CommentMinimumSeconds"] = "0",
        ["Parley:Limits:CommentsPerWindow"] = "100000",
    };
}
