using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Feeds;
using Parley.Core.Posts;
using Parley.Web.Theme;

namespace Parley.Web.Feeds;

/// <summary>
/// RSS at <c>/feed</c>, Atom at <c>/feed/atom</c>, JSON Feed at <c>/feed/json</c>; the same under
/// <c>/category/{slug}</c> and <c>/tag/{slug}</c>.
/// </summary>
public enum FeedFormat { Rss, Atom, Json }

public static class FeedEndpoints
{

    /// <summary>Feed readers and link checkers send HEAD; it is answered like GET, without the body.</summary>
    internal static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        foreach (var (suffix, format) in new[] { ("", FeedFormat.Rss), ("/atom", FeedFormat.Atom), ("/json", FeedFormat.Json), ("/rss", FeedFormat.Rss) })
        {
            app.MapMethods("/feed" + suffix, GetOrHead, (HttpContext http, FeedSource source) => WriteAsync(http, source, null, null, format));
            app.MapMethods("/category/{slug}/feed" + suffix, GetOrHead, (HttpContext http, FeedSource source, string slug) => WriteAsync(http, source, "category", slug, format));
            app.MapMethods("/tag/{slug}/feed" + suffix, GetOrHead, (HttpContext http, FeedSource source, string slug) => WriteAsync(http, source, "tag", slug, format));
        }
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext http, FeedSource source, string? kind, string? slug, FeedFormat format)
    {
        var feed = await source.BuildAsync(kind, slug, http.Request.Path, http.RequestAborted);
        if (feed is null) return Results.NotFound();
        Caching.SharedPage.Of(http)?.Keep(); // posts only: no comment counts in it
        return await WriteAsync(http, feed, format);
    }

    /// <summary>Writes any feed document in the asked format, with Last-Modified for conditional GETs.</summary>
    internal static async Task<IResult> WriteAsync(HttpContext http, FeedDocument feed, FeedFormat format)
    {
        http.Response.GetTypedHeaders().LastModified = new DateTimeOffset(feed.UpdatedAt, TimeSpan.Zero);
        http.Response.ContentType = format switch
        {
            FeedFormat.Atom => FeedWriter.AtomType,
            FeedFormat.Json => FeedWriter.JsonType,
            _ => FeedWriter.RssType,
        };
        var body = http.Response.Body;
        await (format switch
        {
            FeedFormat.Atom => FeedWriter.WriteAtomAsync(feed, body),
            FeedFormat.Json => FeedWriter.WriteJsonAsync(feed, body),
            _ => FeedWriter.WriteRssAsync(feed, body),
        });
        return Results.Empty;
    }
}

/// <summary>Gathers the posts of a feed and describes them with absolute URLs.</summary>
public sealed class FeedSource(PostQueries queries, ParleyDbContext db, SiteContext site)
{
    public async Task<FeedDocument?> BuildAsync(string? kind, string? slug, string feedPath, CancellationToken ct)
    {
        await site.LoadAsync(ct);
        var settings = site.Settings;
        var filter = new PostFilter();
        var title = settings.Title;
        var homePath = "/";
        if (kind == "category")
        {
            var found = await queries.CategoryWithDescendantsAsync(slug!, ct);
            if (found is null) return null;
            var (category, ids) = found.Value;
            filter = filter with { CategoryIds = ids };
            title = $"{settings.Title} — {category.Name}";
            homePath = PostUrls.Category(category.Slug);
        }
        else if (kind == "tag")
        {
            var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
            if (tag is null) return null;
            filter = filter with { TagId = tag.Id };
            title = $"{settings.Title} — #{tag.Name}";
            homePath = PostUrls.Tag(tag.Slug);
        }

        var posts = await queries.FeedPostsAsync(filter, settings.FeedItems, ct);
        var baseUrl = site.BaseUrl;
        var entries = posts.Select(p =>
        {
            var url = site.Absolute(PostUrls.PathFor(p.Kind, p.Slug, p.PublishedAt, site.Zone));
            return new FeedEntry(url, p.Title, url, p.PublishedAt, p.UpdatedAt, p.Author.DisplayName,
                p.Summary, FeedWriter.AbsolutizeUrls(p.BodyHtml, baseUrl),
                p.Categories.Select(c => c.Name).Concat(p.Tags.Select(t => t.Name)).ToList(),
                p.FeaturedImage is null ? null : site.Absolute(p.FeaturedImage.Url));
        }).ToList();
        return new FeedDocument(title, settings.Tagline, site.Absolute(homePath), site.Absolute(feedPath), settings.Language,
            // The newest post's time, not the site's last change: a comment elsewhere does not make this feed new.
            entries.Count > 0 ? entries.Max(e => e.UpdatedAt) : settings.LastChange == default ? DateTime.UnixEpoch : settings.LastChange, entries);
    }
}
