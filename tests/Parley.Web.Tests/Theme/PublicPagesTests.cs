using System.Text.Json;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Theme;

/// <summary>The demo site through the real HTTP pipeline, on both databases.</summary>
public sealed class PublicPagesTests(ParleyApps apps) : IClassFixture<ParleyApps>
{
    private const string RiverPost = "/2026/11/two-years-of-river-clean-up-in-four-numbers";

    private async Task<HttpClient> Client(DatabaseProvider provider) => (await apps.GetAsync(provider)).CreatePlainClient();

    private static async Task<string> PathOf(HttpClient client, string titleStart)
    {
        var home = await HtmlPage.GetAsync(client, "/");
        return home.QuerySelectorAll(".post-card__title a").Single(a => a.TextContent.StartsWith(titleStart, StringComparison.Ordinal)).GetAttribute("href")!;
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_home_page_lists_the_published_posts_newest_first(DatabaseProvider provider)
    {
        var client = await Client(provider);
        var home = await HtmlPage.GetAsync(client, "/");
        var titles = home.QuerySelectorAll(".post-card__title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Equal("Should the library stay open until ten?", titles[0]);
        Assert.NotNull(home.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(home.QuerySelector("main#main"));
        Assert.NotNull(home.QuerySelector("header.site-header nav[aria-label]"));
        Assert.Contains(home.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == "/feed/json");
        Assert.Contains("About this site", home.QuerySelector("nav.site-nav")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_post_page_shows_every_content_feature(DatabaseProvider provider)
    {
        var client = await Client(provider);
        var path = await PathOf(client, "Two years of river");
        var page = await HtmlPage.GetAsync(client, path);

        Assert.Equal("Two years of river clean-up, in four numbers", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("The river at dusk, seen from the new footbridge.", page.QuerySelector(".post__body figure figcaption")!.TextContent);
        Assert.Contains("hydrologist", page.QuerySelector("figure.quote figcaption")!.TextContent);
        Assert.NotNull(page.QuerySelector("figure.video-embed[data-embed-src^='https://www.youtube-nocookie.com/'] a.video-embed__placeholder"));
        Assert.Empty(page.QuerySelectorAll("iframe"));
        Assert.NotNull(page.QuerySelector(".footnotes"));
        Assert.Equal("Which number would you trust most here, and why?", page.QuerySelector(".reader-question__text")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".post__tags a"), a => a.GetAttribute("href") == "/tag/rivers");
        Assert.NotNull(page.QuerySelector("nav.post-nav a[rel=prev]"));
        Assert.NotNull(page.QuerySelector("nav.post-nav a[rel=next]"));
        Assert.All(page.QuerySelectorAll("img"), img => Assert.True(img.HasAttribute("alt")));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_post_page_describes_itself_to_search_engines_and_social_sites(DatabaseProvider provider)
    {
        var client = await Client(provider);
        var path = await PathOf(client, "Two years of river");
        var page = await HtmlPage.GetAsync(client, path);

        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.Equal("http://localhost" + path, canonical);
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("http://localhost/images/demo/riverside.svg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("meta[property='article:published_time']"));

        using var ld = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var article = ld.RootElement;
        Assert.Equal("Article", article.GetProperty("@type").GetString());
        Assert.Equal("Two years of river clean-up, in four numbers", article.GetProperty("headline").GetString());
        Assert.Equal("Admin", article.GetProperty("author").GetProperty("name").GetString());
        Assert.True(DateTimeOffset.TryParse(article.GetProperty("datePublished").GetString(), out _));
        Assert.Equal(canonical, article.GetProperty("url").GetString());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Archives_list_the_right_posts(DatabaseProvider provider)
    {
        var client = await Client(provider);
        async Task<List<string>> Titles(string url) =>
            (await HtmlPage.GetAsync(client, url)).QuerySelectorAll(".post-card__title").Select(t => t.TextContent.Trim()).ToList();

        var riverPath = await PathOf(client, "Two years of river");
        var month = riverPath[..9];
        Assert.Contains("Two years of river clean-up, in four numbers", await Titles(month));
        Assert.Contains("Two years of river clean-up, in four numbers", await Titles(month[..6]));
        // Commentary includes its sub-category Cities.
        Assert.Equal(2, (await Titles("/category/commentary")).Count);
        Assert.Contains("The new train timetable is worse for most of us — on paper", await Titles("/category/commentary"));
        Assert.Equal(["Two years of river clean-up, in four numbers", "The new train timetable is worse for most of us — on paper"], await Titles("/tag/data"));
        Assert.Equal(4, (await Titles("/author/admin")).Count);
        Assert.Empty(await Titles("/2001/01/"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_page_lives_at_the_root(DatabaseProvider provider)
    {
        var client = await Client(provider);
        var page = await HtmlPage.GetAsync(client, "/about-this-site");
        Assert.Equal("About this site", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("website", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Search_finds_highlights_and_tolerates_any_text(DatabaseProvider provider)
    {
        var client = await Client(provider);
        var results = await HtmlPage.GetAsync(client, "/search?q=nitrate");
        var hit = Assert.Single(results.QuerySelectorAll(".search-result"));
        Assert.Contains("<mark>", hit.QuerySelector(".search-result__snippet")!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("noindex", results.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        var hostile = await HtmlPage.GetAsync(client, "/search?q=" + Uri.EscapeDataString("<script>alert(1)</script> \" OR OR ( NEAR *"));
        Assert.Empty(hostile.QuerySelectorAll("main script"));
        Assert.Equal("<script>alert(1)</script> \" OR OR ( NEAR *", hostile.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Sitemap_and_robots_describe_the_site(DatabaseProvider provider)
    {
        var client = await Client(provider);
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        // An index at every size: a small site has one part of posts and one of pages (which starts with the home page).
        var index = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        Assert.Equal(ns + "sitemapindex", index.Root!.Name);
        var parts = index.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Equal(["http://localhost/sitemap-posts-1.xml", "http://localhost/sitemap-pages-1.xml"], parts);
        var locs = new List<string>();
        foreach (var part in parts)
        {
            var urlset = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri(part).AbsolutePath));
            Assert.Equal(ns + "urlset", urlset.Root!.Name);
            locs.AddRange(urlset.Descendants(ns + "loc").Select(l => l.Value));
            Assert.All(urlset.Descendants(ns + "lastmod"), l => Assert.True(DateTimeOffset.TryParse(l.Value, out _)));
        }
        Assert.Equal(6, locs.Count); // home, four posts, one page
        Assert.Equal(["http://localhost/", "http://localhost/about-this-site"], locs[^2..]);

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
        Assert.Contains("Disallow: /admin/", robots);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Every_answer_carries_the_security_headers(DatabaseProvider provider)
    {
        var client = await Client(provider);
        foreach (var url in new[] { "/", RiverPost, "/feed", "/nowhere" })
        {
            var response = await client.GetAsync(url);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(response.Headers.Contains("Server"));
        }
    }
}
