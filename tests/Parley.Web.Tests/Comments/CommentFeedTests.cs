using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>Comment feeds and the "recent comments" list show approved comments only.</summary>
public sealed class CommentFeedTests(CommentApps apps) : IClassFixture<CommentApps>
{
    private const string TimetablePost = "/2026/11/the-new-train-timetable-is-worse-for-most-of-us-on-paper";
    private const string RiverPost = "/2026/11/two-years-of-river-clean-up-in-four-numbers";

    private static async Task<SyndicationFeed> Load(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Approved_comments_reach_the_site_and_post_feeds_and_the_sidebar(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var reader = app.CreatePlainClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var approved = await CommentPoster.PostOkAsync(reader, TimetablePost, CommentPoster.Guest($"Visible {tag} <script>alert(1)</script>", name: "Fiona Feed", email: $"f-{tag}@example.org"));
        var held = await CommentPoster.PostOkAsync(reader, TimetablePost, CommentPoster.Guest($"Held {tag}", email: $"h-{tag}@example.org"));
        await CommentPoster.PostOkAsync(reader, RiverPost, CommentPoster.Guest($"Other post {tag}", email: $"f-{tag}@example.org"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var adminId = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<CommentModeration>().ApplyAsync(new ModeratorScope(adminId, true),
                await db.Comments.Where(c => c.BodySource.Contains(tag) && c.Id != held).Select(c => c.Id).ToListAsync(), ModerationAction.Approve);
        }

        var site = await Load(reader, "/comments/feed");
        Assert.Contains(site.Items, i => i.Links[0].Uri.ToString() == $"http://localhost{TimetablePost}#comment-{approved}");
        Assert.DoesNotContain(site.Items, i => i.Id.EndsWith($"#comment-{held}", StringComparison.Ordinal));

        var post = await Load(reader, TimetablePost + "/feed/atom");
        var item = Assert.Single(post.Items, i => i.Id.EndsWith($"#comment-{approved}", StringComparison.Ordinal));
        Assert.Equal("Fiona Feed", item.Authors.Single().Name);
        var html = ((TextSyndicationContent)item.Content).Text;
        HtmlAssert.Inert(html, "comment in feed");
        Assert.DoesNotContain(post.Items, i => i.Summary.Text.Contains("Other post", StringComparison.Ordinal));

        var page = await HtmlPage.GetAsync(reader, "/");
        Assert.Contains(page.QuerySelectorAll(".recent-comments li"), li => li.TextContent.Contains("Fiona Feed"));
        Assert.Contains((await HtmlPage.GetAsync(reader, TimetablePost)).QuerySelectorAll("link[rel=alternate]"),
            l => l.GetAttribute("href") == TimetablePost + "/feed");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync("/2026/11/no-such-post/feed")).StatusCode);
    }
}
