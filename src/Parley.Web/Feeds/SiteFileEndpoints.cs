using System.Xml;
using Parley.Core.Posts;
using Parley.Web.Theme;

namespace Parley.Web.Feeds;

/// <summary><c>/sitemap.xml</c> (every public post and page, with their last change) and <c>/robots.txt</c>.</summary>
public static class SiteFileEndpoints
{
    public static IEndpointRouteBuilder MapSiteFiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/sitemap.xml", FeedEndpoints.GetOrHead, SitemapAsync);
        app.MapMethods("/robots.txt", FeedEndpoints.GetOrHead, (HttpContext http, SiteContext site) => KeptText(http,
            $"User-agent: *\nDisallow: /admin/\nDisallow: /account/\nDisallow: /search\n\nSitemap: {site.Absolute("/sitemap.xml")}\n",
            "text/plain; charset=utf-8"));
        return app;
    }

    private static IResult KeptText(HttpContext http, string text, string contentType)
    {
        Caching.SharedPage.Of(http)?.Keep();
        return Results.Text(text, contentType);
    }

    private static async Task SitemapAsync(HttpContext http, PostQueries queries, SiteContext site)
    {
        await site.LoadAsync(http.RequestAborted);
        var entries = await queries.SitemapAsync(http.RequestAborted);
        Caching.SharedPage.Of(http)?.Keep();
        http.Response.ContentType = "application/xml; charset=utf-8";
        http.Response.GetTypedHeaders().LastModified = new DateTimeOffset(site.Settings.LastChange, TimeSpan.Zero);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            xml.WriteStartElement("urlset", ns);
            Url(xml, site.Absolute("/"), entries.Count > 0 ? entries.Max(e => e.UpdatedAt) : null);
            foreach (var e in entries)
                Url(xml, site.Absolute(PostUrls.PathFor(e.Kind, e.Slug, e.PublishedAt, site.Zone)), e.UpdatedAt);
            xml.WriteEndElement();

            static void Url(XmlWriter xml, string loc, DateTime? lastModified)
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, loc);
                if (lastModified is { } at) xml.WriteElementString("lastmod", ns, at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
                xml.WriteEndElement();
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
