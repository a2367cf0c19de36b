using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Web.Tests.Feeds;

/// <summary>
/// The sitemap as search engines read it: <c>/sitemap.xml</c> is an index of part files, each part at most the
/// limit (three here, so a small site has several), and together the parts list every public post and page once.
/// </summary>
public sealed class SitemapTests(SmallSitemapApps apps) : IClassFixture<SmallSitemapApps>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private sealed record Entry(string Loc, DateTime? LastMod);

    /// <summary>
    /// Fetches a sitemap file and checks what the protocol asks of it: XML in the sitemaps.org namespace, the right
    /// root, and entries holding an absolute <c>loc</c> and at most a W3C-format <c>lastmod</c>, nothing else.
    /// </summary>
    private static async Task<List<Entry>> LoadAsync(HttpClient client, string url, string root)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Ns + root, doc.Root!.Name);
        var entries = new List<Entry>();
        foreach (var element in doc.Root.Elements())
        {
            Assert.Equal(Ns + (root == "sitemapindex" ? "sitemap" : "url"), element.Name);
            var children = element.Elements().ToList();
            Assert.InRange(children.Count, 1, 2);
            Assert.Equal(Ns + "loc", children[0].Name);
            Assert.True(Uri.TryCreate(children[0].Value, UriKind.Absolute, out _), children[0].Value);
            DateTime? lastMod = null;
            if (children.Count == 2)
            {
                Assert.Equal(Ns + "lastmod", children[1].Name);
                Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", children[1].Value);
                lastMod = DateTime.ParseExact(children[1].Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            }
            entries.Add(new Entry(children[0].Value, lastMod));
        }
        return entries;
    }

    private static string PathOf(string loc) => loc[SmallSitemapApps.PublicUrl.Length..];

    private static DateTime ToSecond(DateTime at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static async Task<Post> CreateAsync(ParleyApp app, PostInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var admin = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<PostService>().CreateAsync(input, admin);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_index_lists_parts_that_together_hold_every_public_post_and_page_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreatePlainClient();
        var run = Guid.NewGuid().ToString("N")[..6];
        var published = new List<Post>();
        for (var i = 0; i < 7; i++)
            published.Add(await CreateAsync(app, new PostInput
            {
                Title = $"Mapped {run} {i}", Body = "x", Status = PostStatus.Published, PublishAt = DateTime.UtcNow.AddDays(-100 + i),
            }));
        for (var i = 0; i < 4; i++)
            published.Add(await CreateAsync(app, new PostInput { Kind = PostKind.Page, Title = $"Mapped page {run} {i}", Body = "x", Status = PostStatus.Published }));
        var hidden = new List<Post>
        {
            await CreateAsync(app, new PostInput { Title = $"Draft {run}", Body = "x", Status = PostStatus.Draft }),
            await CreateAsync(app, new PostInput { Title = $"Pending {run}", Body = "x", Status = PostStatus.Pending }),
            await CreateAsync(app, new PostInput { Title = $"Later {run}", Body = "x", Status = PostStatus.Published, PublishAt = DateTime.UtcNow.AddDays(30) }),
            await CreateAsync(app, new PostInput { Title = $"Binned {run}", Body = "x", Status = PostStatus.Published }),
            await CreateAsync(app, new PostInput { Kind = PostKind.Page, Title = $"Draft page {run}", Body = "x", Status = PostStatus.Draft }),
        };
        Assert.Equal(PostStatus.Scheduled, hidden[2].Status);

        // What should be listed, read straight from the database: every post and page that is public now.
        Dictionary<string, DateTime> expected;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            // A trashed post (the state an archive can bring in) is not public.
            await db.Posts.Where(p => p.Id == hidden[3].Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostStatus.Trashed));
            await scope.ServiceProvider.GetRequiredService<SettingsService>().TouchContentAsync(DateTime.UtcNow);
            var zone = SiteTime.Zone(await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync());
            var now = DateTime.UtcNow;
            expected = (await db.Posts.AsNoTracking().Where(p => (p.Status == PostStatus.Published || p.Status == PostStatus.Scheduled) && p.PublishedAt <= now).ToListAsync())
                .ToDictionary(p => PostUrls.PathFor(p, zone), p => ToSecond(p.UpdatedAt));
            foreach (var post in published) Assert.Contains(PostUrls.PathFor(post, zone), expected.Keys);
            foreach (var post in hidden) Assert.DoesNotContain(post.Slug, string.Join(" ", expected.Keys));
        }
        expected["/"] = expected.Values.Max();

        var index = await LoadAsync(client, "/sitemap.xml", "sitemapindex");
        var posts = expected.Keys.Count(k => k.Count(c => c == '/') > 1);
        string[] parts =
        [
            .. Enumerable.Range(1, (posts + 2) / 3).Select(n => $"/sitemap-posts-{n}.xml"),
            .. Enumerable.Range(1, (expected.Count - posts + 2) / 3).Select(n => $"/sitemap-pages-{n}.xml"),
        ];
        Assert.Equal(parts, index.Select(e => PathOf(e.Loc)));

        var listed = new List<Entry>();
        foreach (var part in index)
        {
            var urls = await LoadAsync(client, PathOf(part.Loc), "urlset");
            Assert.InRange(urls.Count, 1, 3);
            // The part's last change is that of its newest address.
            Assert.Equal(urls.Max(u => u.LastMod), part.LastMod);
            listed.AddRange(urls);
        }
        Assert.Equal(SmallSitemapApps.PublicUrl + "/", listed.Single(e => e.Loc.EndsWith(".org/news&views/", StringComparison.Ordinal)).Loc);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), listed.Select(e => PathOf(e.Loc)).Order(StringComparer.Ordinal));
        foreach (var entry in listed) Assert.Equal(expected[PathOf(entry.Loc)], entry.LastMod);
        Assert.Equal(listed.Max(e => e.LastMod), listed.Single(e => PathOf(e.Loc) == "/").LastMod);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Addresses_are_xml_encoded(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        foreach (var url in new[] { "/sitemap.xml", "/sitemap-pages-1.xml" })
        {
            var raw = await client.GetStringAsync(url);
            Assert.Contains("<loc>http://example.org/news&amp;views/", raw);
            Assert.DoesNotContain("news&views", raw);
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_new_post_joins_the_last_part_and_leaves_the_full_parts_as_they_were(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreatePlainClient();
        var before = await LoadAsync(client, "/sitemap.xml", "sitemapindex");
        var firstPart = await client.GetStringAsync("/sitemap-posts-1.xml");

        var post = await CreateAsync(app, new PostInput { Title = "Newest in the map " + Guid.NewGuid().ToString("N")[..6], Body = "x", Status = PostStatus.Published });

        var after = await LoadAsync(client, "/sitemap.xml", "sitemapindex");
        var last = after.Last(e => e.Loc.Contains("/sitemap-posts-", StringComparison.Ordinal));
        Assert.Equal(ToSecond(post.UpdatedAt), last.LastMod);
        Assert.Contains((await LoadAsync(client, PathOf(last.Loc), "urlset")).Select(e => e.Loc), l => l.EndsWith("/" + post.Slug, StringComparison.Ordinal));
        Assert.InRange(after.Count - before.Count, 0, 1);
        Assert.Equal(firstPart, await client.GetStringAsync("/sitemap-posts-1.xml"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Part_numbers_that_are_not_a_part_are_not_found(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        var index = await LoadAsync(client, "/sitemap.xml", "sitemapindex");
        var postParts = index.Count(e => e.Loc.Contains("/sitemap-posts-", StringComparison.Ordinal));
        var pageParts = index.Count(e => e.Loc.Contains("/sitemap-pages-", StringComparison.Ordinal));
        Assert.True(postParts > 1);

        foreach (var url in new[]
                 {
                     "/sitemap-posts-0.xml", $"/sitemap-posts-{postParts + 1}.xml", $"/sitemap-pages-{pageParts + 1}.xml", "/sitemap-pages-0.xml",
                     "/sitemap-posts-abc.xml", "/sitemap-posts-01.xml", "/sitemap-posts-+1.xml", "/sitemap-posts--1.xml", "/sitemap-posts-.xml",
                     "/sitemap-posts-99999999999.xml", "/sitemap-posts-999999999.xml", "/sitemap-comments-1.xml", "/sitemap-1.xml",
                 })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);

        // The query is ignored, as on the index.
        Assert.Equal(await client.GetStringAsync($"/sitemap-posts-{postParts}.xml"), await client.GetStringAsync($"/sitemap-posts-{postParts}.xml?utm_source=x"));
        Assert.Equal(await client.GetStringAsync("/sitemap.xml"), await client.GetStringAsync("/sitemap.xml?page=2"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Robots_txt_names_the_index(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        Assert.Contains("\nSitemap: http://example.org/news&views/sitemap.xml\n", await client.GetStringAsync("/robots.txt"));
        await LoadAsync(client, "/sitemap.xml", "sitemapindex");
    }
}

/// <summary>Apps whose sitemap parts hold three addresses, and whose public address needs encoding in XML.</summary>
public sealed class SmallSitemapApps : ParleyApps
{
    public const string PublicUrl = "http://example.org/news&views";

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Parley:Sitemap:UrlsPerFile"] = "3",
        ["Parley:PublicUrl"] = PublicUrl,
    };
}
