using Parley.Core.Comments;
using Parley.Core.Settings;
using Parley.Web.Theme.Comments;

namespace Parley.Core.Tests.Comments;

public sealed class AvatarTests
{
    [Fact]
    public void Avatar_keys_depend_on_the_site_secret_and_ignore_case()
    {
        var a = new SiteSettings { AvatarSalt = "one" };
        var b = new SiteSettings { AvatarSalt = "two" };
        Assert.Equal(CommentService.AvatarKey(a, "Ann@Example.org"), CommentService.AvatarKey(a, "ann@example.org "));
        Assert.NotEqual(CommentService.AvatarKey(a, "ann@example.org"), CommentService.AvatarKey(b, "ann@example.org"));
        Assert.Matches("^[0-9a-f]{32}$", CommentService.AvatarKey(a, "ann@example.org"));
    }

    [Fact]
    public void Identicons_are_symmetric_and_differ_between_people()
    {
        var key = CommentService.AvatarKey(new SiteSettings { AvatarSalt = "s" }, "ann@example.org");
        var svg = System.Xml.Linq.XDocument.Parse(AvatarEndpoints.Identicon(key));
        var cells = svg.Descendants().Where(e => e.Name.LocalName == "rect" && e.Attribute("x") is not null)
            .Select(e => ((int)e.Attribute("x")!, (int)e.Attribute("y")!)).ToHashSet();
        Assert.All(cells, c => Assert.Contains((4 - c.Item1, c.Item2), cells));
        Assert.NotEqual(AvatarEndpoints.Identicon(key), AvatarEndpoints.Identicon(CommentService.AvatarKey(new SiteSettings { AvatarSalt = "s" }, "bob@example.org")));
    }
}
