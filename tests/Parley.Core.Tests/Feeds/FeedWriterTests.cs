using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Parley.Core.Feeds;

namespace Parley.Core.Tests.Feeds;

/// <summary>Feeds are written, then read back by a real feed parser (System.ServiceModel.Syndication).</summary>
public sealed class FeedWriterTests
{
    private static readonly FeedDocument Feed = new(
        "Parley & Friends", "Commentary <and> conversation", "https://blog.example/", "https://blog.example/feed", "en",
        new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc),
        [
            new FeedEntry("https://blog.example/2026/11/first", "First “post” <b>bold</b>", "https://blog.example/2026/11/first",
                new DateTime(2026, 11, 19, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc),
                "Ada Writer", "A summary.", "<p>Body with <a href=\"https://blog.example/x\">a link</a> and ünïcödé — ✓</p>",
                ["Commentary", "rivers"], "https://blog.example/images/a.svg"),
            new FeedEntry("https://blog.example/2026/10/second", "Second", "https://blog.example/2026/10/second",
                new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc),
                "Ada Writer", "Another.", "<p>Second body</p>", [], null),
        ]);

    private static async Task<byte[]> Write(Func<FeedDocument, Stream, Task> writer)
    {
        using var stream = new MemoryStream();
        await writer(Feed, stream);
        return stream.ToArray();
    }

    private static SyndicationFeed Parse(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task Rss_parses_back_with_titles_links_dates_and_html_content()
    {
        var bytes = await Write(FeedWriter.WriteRssAsync);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss", System.Text.Encoding.UTF8.GetString(bytes));
        var feed = Parse(bytes);
        Assert.Equal("Parley & Friends", feed.Title.Text);
        Assert.Equal(2, feed.Items.Count());
        var first = feed.Items.First();
        Assert.Equal("First “post” <b>bold</b>", first.Title.Text);
        Assert.Equal("https://blog.example/2026/11/first", first.Links[0].Uri.ToString());
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero), first.PublishDate);
        Assert.Contains(first.Categories, c => c.Name == "rivers");
        var xml = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("ünïcödé — ✓", xml);
        Assert.Contains("<dc:creator", xml);
        Assert.Contains("content:encoded", xml);
        Assert.DoesNotContain("<author>", xml);
    }

    [Fact]
    public async Task Atom_parses_back_with_authors_and_updated_times()
    {
        var feed = Parse(await Write(FeedWriter.WriteAtomAsync));
        var first = feed.Items.First();
        Assert.Equal("Ada Writer", first.Authors.Single().Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), first.LastUpdatedTime);
        Assert.Contains("a link", ((TextSyndicationContent)first.Content).Text);
        Assert.Equal("https://blog.example/2026/11/first", first.Id);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == "https://blog.example/feed");
    }

    [Fact]
    public async Task Json_feed_has_every_field_version_1_1_requires()
    {
        using var json = JsonDocument.Parse(await Write(FeedWriter.WriteJsonAsync));
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("Parley & Friends", root.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("items").ValueKind);
        Assert.True(Uri.IsWellFormedUriString(root.GetProperty("feed_url").GetString(), UriKind.Absolute));
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            // Spec: id is required and a string; each item has content_html or content_text.
            Assert.Equal(JsonValueKind.String, item.GetProperty("id").ValueKind);
            Assert.False(string.IsNullOrEmpty(item.GetProperty("content_html").GetString()));
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_published").GetString(), out _));
            Assert.Equal("Ada Writer", item.GetProperty("authors")[0].GetProperty("name").GetString());
        }
        Assert.Equal("https://blog.example/images/a.svg", root.GetProperty("items")[0].GetProperty("image").GetString());
    }

    [Fact]
    public void Site_relative_urls_in_content_become_absolute()
    {
        var html = FeedWriter.AbsolutizeUrls("<img src=\"/images/a.svg\"><a href=\"/2026/11/x\">x</a><a href=\"//cdn.example/y\">y</a><a href=\"#fn1\">1</a>", "https://blog.example");
        Assert.Equal("<img src=\"https://blog.example/images/a.svg\"><a href=\"https://blog.example/2026/11/x\">x</a><a href=\"//cdn.example/y\">y</a><a href=\"#fn1\">1</a>", html);
    }
}
