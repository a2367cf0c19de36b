using Parley.Testing;

namespace Parley.Web.Tests.Admin;

/// <summary>Apps for the author's side, with a clock the tests move (scheduling).</summary>
public sealed class AuthorApps : ParleyApps
{
    protected override bool FakeClock => true;
}
