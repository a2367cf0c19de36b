using AngleSharp.Html.Parser;
using Parley.Core.Comments;
using Parley.Core.Feeds;
using Parley.Core.Posts;
using Parley.Web.Theme;

namespace Parley.Web.Feeds;

/// <summary>
/// Comment feeds: all recent comments at <c>/comments/feed</c> and one post's at
/// <c>{post-url}/feed</c>, each also as <c>/atom</c> and <c>/json</c>.
/// </summary>
public static class CommentFeedEndpoints
{
    public const int Items = 30;
    private static readonly HtmlParser Parser = new();

    public static IEndpointRouteBuilder MapCommentFeeds(this IEndpointRouteBuilder app)
    {
        foreach (var (suffix, format) in new[] { ("", FeedFormat.Rss), ("/atom", FeedFormat.Atom), ("/json", FeedFormat.Json) })
        {
            app.MapMethods("/comments/feed" + suffix, FeedEndpoints.GetOrHead,
                (HttpContext http, CommentQueries comments, SiteContext site, TimeProvider clock) => WriteAsync(http, comments, site, clock, null, format));
            app.MapMethods("/{year:int}/{month:int}/{slug}/feed" + suffix, FeedEndpoints.GetOrHead,
                async (HttpContext http, string slug, PostQueries posts, CommentQueries comments, SiteContext site, TimeProvider clock) =>
                {
                    var post = await posts.FindAsync(PostKind.Post, slug, http.RequestAborted);
                    return post is null ? Results.NotFound() : await WriteAsync(http, comments, site, clock, post, format);
                });
        }
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext http, CommentQueries comments, SiteContext site, TimeProvider clock, PublicPost? post, FeedFormat format)
    {
        await site.LoadAsync(http.RequestAborted);
        if (Caching.SharedPage.Of(http) is { } shared)
        {
            if (post is null) shared.KeepShowingAllDiscussions();
            else shared.Keep(post.Id);
        }
        var recent = await comments.RecentAsync(Items, post?.Id, clock.GetUtcNow().UtcDateTime, http.RequestAborted);
        var entries = recent.Select(c =>
        {
            var url = site.Absolute(PostUrls.PathFor(PostKind.Post, c.PostSlug, c.PostPublishedAt, site.Zone)) + "#comment-" + c.Id;
            var text = Parser.ParseDocument("<body>" + c.BodyHtml + "</body>").Body!.TextContent.Trim();
            return new FeedEntry(url, $"{c.AuthorName} on “{c.PostTitle}”", url, c.CreatedAt, c.CreatedAt, c.AuthorName,
                PostQueries.Shorten(text), c.BodyHtml, [], null);
        }).ToList();
        var settings = site.Settings;
        var title = post is null ? $"Comments on {settings.Title}" : $"Comments on “{post.Title}”";
        var home = post is null ? site.Absolute("/") : site.Absolute(PostUrls.PathFor(post.Kind, post.Slug, post.PublishedAt, site.Zone)) + "#comments";
        var feed = new FeedDocument(title, settings.Tagline, home, site.Absolute(http.Request.Path), settings.Language,
            recent.Count > 0 ? recent[0].CreatedAt : post?.PublishedAt ?? settings.LastChange, entries);
        return await FeedEndpoints.WriteAsync(http, feed, format);
    }
}
