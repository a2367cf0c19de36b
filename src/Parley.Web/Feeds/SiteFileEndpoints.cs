using Parley.Web.Theme;

namespace Parley.Web.Feeds;

/// <summary><c>/robots.txt</c>, naming the sitemap, and the sitemap itself (<see cref="SitemapEndpoints"/>).</summary>
public static class SiteFileEndpoints
{
    public static IEndpointRouteBuilder MapSiteFiles(this IEndpointRouteBuilder app)
    {
        app.MapSitemap();
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
}
