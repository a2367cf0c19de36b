using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Feeds;

/// <summary>The site's feeds, fetched over HTTP and read by a real feed parser.</summary>
public sealed class FeedRoutesTests(ParleyApps apps) : IClassFixture<ParleyApps>
{
    private static async Task<SyndicationFeed> LoadXml(HttpClient client, string url, string expectedType)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        Assert.Equal(expectedType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Rss_and_atom_carry_the_published_posts_with_absolute_links(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        foreach (var (url, type) in new[] { ("/feed", "application/rss+xml"), ("/feed/atom", "application/atom+xml") })
        {
            var feed = await LoadXml(client, url, type);
            Assert.Equal("Parley", feed.Title.Text);
            Assert.Equal(4, feed.Items.Count());
            var first = feed.Items.First();
            Assert.Equal("Should the library stay open until ten?", first.Title.Text);
            Assert.StartsWith("http://localhost/20", first.Links.First().Uri.ToString());
        }
        var atom = await LoadXml(client, "/feed/atom", "application/atom+xml");
        var content = ((TextSyndicationContent)atom.Items.First().Content).Text;
        Assert.Contains("src=\"http://localhost/images/demo/night-library.svg\"", content);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Json_feed_is_valid_version_1_1(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        var response = await client.GetAsync("/feed/json");
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://jsonfeed.org/version/1.1", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("http://localhost/feed/json", json.RootElement.GetProperty("feed_url").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Category_and_tag_feeds_hold_only_their_posts(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        var tag = await LoadXml(client, "/tag/data/feed", "application/rss+xml");
        Assert.Equal(2, tag.Items.Count());
        Assert.Contains("#data", tag.Title.Text);
        var category = await LoadXml(client, "/category/commentary/feed/atom", "application/atom+xml");
        Assert.Equal(2, category.Items.Count()); // includes the sub-category Cities
        using var json = JsonDocument.Parse(await client.GetStringAsync("/category/science/feed/json"));
        Assert.Equal(1, json.RootElement.GetProperty("items").GetArrayLength());

        var archive = await HtmlPage.GetAsync(client, "/tag/data");
        Assert.Contains(archive.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == "/tag/data/feed");
    }
}
