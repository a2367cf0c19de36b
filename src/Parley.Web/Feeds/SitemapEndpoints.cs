using System.Globalization;
using System.Xml;
using Microsoft.Extensions.Options;
using Parley.Core.Posts;
using Parley.Web.Theme;

namespace Parley.Web.Feeds;

/// <summary>
/// <c>/sitemap.xml</c> is a sitemap index, as WordPress's has been since 5.5: it lists <c>/sitemap-posts-N.xml</c> and
/// <c>/sitemap-pages-N.xml</c> with each part's last change, and each part lists at most
/// <see cref="SitemapSettings.UrlsPerFile"/> addresses with theirs. An index at every size, not only past the
/// protocol's 50,000 addresses: one shape, so what a small site's tests check is what a large site serves, and the
/// file search engines were given does not change kind the day a site grows past the limit.
/// </summary>
public static class SitemapEndpoints
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/sitemap.xml", FeedEndpoints.GetOrHead, IndexAsync);
        foreach (var section in SitemapSection.All)
            app.MapMethods(section.Route, FeedEndpoints.GetOrHead,
                (HttpContext http, string number, SitemapQueries queries, SiteContext site, IOptions<SitemapSettings> settings) =>
                    PartAsync(http, section, number, queries, site, settings.Value.UrlsPerFile));
        return app;
    }

    /// <summary>Every part and its newest change: one small column of every public item, read from an index.</summary>
    private static async Task<IResult> IndexAsync(HttpContext http, SitemapQueries queries, SiteContext site, IOptions<SitemapSettings> settings)
    {
        await site.LoadAsync(http.RequestAborted);
        var urlsPerFile = settings.Value.UrlsPerFile;
        var parts = new List<(SitemapSection Section, List<DateTime?> Changes)>();
        DateTime? newest = null;
        foreach (var section in SitemapSection.All)
        {
            var changes = new List<DateTime?>();
            var place = 0;
            for (; place < section.Leading; place++) changes.Add(null);
            await foreach (var at in queries.ChangesInOrderAsync(section.Kind).WithCancellation(http.RequestAborted))
            {
                var part = place++ / urlsPerFile;
                if (part == changes.Count) changes.Add(at);
                else if (changes[part] is not { } known || at > known) changes[part] = at;
                if (newest is null || at > newest) newest = at;
            }
            parts.Add((section, changes));
        }
        // The home page, first in the pages' part 1, shows the newest of everything (so that part changes with it).
        parts.Single(p => p.Section.Leading > 0).Changes[0] = newest;

        return await WriteAsync(http, site, "sitemapindex", "sitemap",
            parts.SelectMany(p => p.Changes.Select((at, i) => (site.Absolute(p.Section.PathOf(i + 1)), at))));
    }

    /// <summary>One part: its own slice of the public items, read from an index; 404 for a part that has none.</summary>
    private static async Task<IResult> PartAsync(HttpContext http, SitemapSection section, string number, SitemapQueries queries,
        SiteContext site, int urlsPerFile)
    {
        if (PartNumber(number) is not { } part || section.Slice(part, urlsPerFile) is not { } slice) return Results.NotFound();
        var ct = http.RequestAborted;
        await site.LoadAsync(ct);
        var items = await queries.SliceAsync(section.Kind, slice.Skip, slice.Take, ct);
        var withHome = part == 1 && section.Leading > 0;
        if (items.Count == 0 && !withHome) return Results.NotFound();

        var urls = items.Select(i => (site.Absolute(PostUrls.PathFor(i.Kind, i.Slug, i.PublishedAt, site.Zone)), (DateTime?)i.UpdatedAt));
        if (withHome)
        {
            DateTime?[] newest = [await queries.LastChangeAsync(PostKind.Post, ct), await queries.LastChangeAsync(PostKind.Page, ct)];
            urls = urls.Prepend((site.Absolute("/"), newest.Max()));
        }
        return await WriteAsync(http, site, "urlset", "url", urls);
    }

    /// <summary>A part number as it is written in the sitemap index: digits, no sign, no leading zero.</summary>
    private static int? PartNumber(string text) =>
        text.Length is > 0 and <= 9 && text[0] != '0' && text.All(char.IsAsciiDigit) ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static async Task<IResult> WriteAsync(HttpContext http, SiteContext site, string root, string entry,
        IEnumerable<(string Loc, DateTime? LastChange)> entries)
    {
        // Kept in the page cache as showing no discussion, so a comment leaves it there; any post change drops it.
        Caching.SharedPage.Of(http)?.Keep();
        http.Response.ContentType = "application/xml; charset=utf-8";
        http.Response.GetTypedHeaders().LastModified = new DateTimeOffset(site.Settings.LastChange, TimeSpan.Zero);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            xml.WriteStartElement(root, Namespace);
            foreach (var (loc, lastChange) in entries)
            {
                xml.WriteStartElement(entry, Namespace);
                xml.WriteElementString("loc", Namespace, loc);
                if (lastChange is { } at)
                    xml.WriteElementString("lastmod", Namespace, at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
        return Results.Empty;
    }
}
