using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

namespace Parley.Core.Feeds;

/// <summary>Writes a <see cref="FeedDocument"/> as RSS 2.0, Atom 1.0 or JSON Feed 1.1, always UTF-8.</summary>
public static partial class FeedWriter
{
    public const string RssType = "application/rss+xml; charset=utf-8";
    public const string AtomType = "application/atom+xml; charset=utf-8";
    public const string JsonType = "application/feed+json; charset=utf-8";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public static async Task WriteRssAsync(FeedDocument feed, Stream output) =>
        await WriteXmlAsync(output, w => new Rss20FeedFormatter(ToSyndication(feed, atom: false), serializeExtensionsAsAtom: false).WriteTo(w));

    public static async Task WriteAtomAsync(FeedDocument feed, Stream output) =>
        await WriteXmlAsync(output, w => new Atom10FeedFormatter(ToSyndication(feed, atom: true)).WriteTo(w));

    public static async Task WriteJsonAsync(FeedDocument feed, Stream output)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("version", "https://jsonfeed.org/version/1.1");
        json.WriteString("title", feed.Title);
        json.WriteString("home_page_url", feed.HomeUrl);
        json.WriteString("feed_url", feed.FeedUrl);
        json.WriteString("description", feed.Description);
        json.WriteString("language", feed.Language);
        json.WriteStartArray("items");
        foreach (var e in feed.Entries)
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteString("url", e.Url);
            json.WriteString("title", e.Title);
            json.WriteString("content_html", e.ContentHtml);
            json.WriteString("summary", e.Summary);
            if (e.ImageUrl is not null) json.WriteString("image", e.ImageUrl);
            json.WriteString("date_published", e.PublishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            json.WriteString("date_modified", e.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", e.AuthorName);
            json.WriteEndObject();
            json.WriteEndArray();
            if (e.Categories.Count > 0)
            {
                json.WriteStartArray("tags");
                foreach (var c in e.Categories) json.WriteStringValue(c);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    /// <summary>Feed readers have no page to resolve "/images/x.png" against: make site-relative URLs absolute.</summary>
    public static string AbsolutizeUrls(string html, string baseUrl) =>
        RelativeUrl().Replace(html, m => $"{m.Groups[1].Value}=\"{baseUrl}/");

    [GeneratedRegex("""(\s(?:src|href|poster))="/(?!/)""")]
    private static partial Regex RelativeUrl();

    private static SyndicationFeed ToSyndication(FeedDocument feed, bool atom)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, new Uri(feed.HomeUrl), feed.FeedUrl,
            new DateTimeOffset(feed.UpdatedAt, TimeSpan.Zero))
        {
            Language = feed.Language,
            Generator = "Parley",
        };
        syndication.Links.Add(new SyndicationLink(new Uri(feed.FeedUrl), "self", feed.Title, null, 0));
        if (!atom)
        {
            // Declared once on the root so items read <dc:creator> and <content:encoded>, as readers expect.
            syndication.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
            syndication.AttributeExtensions.Add(new XmlQualifiedName("content", "http://www.w3.org/2000/xmlns/"), ContentModule);
        }
        syndication.Items = feed.Entries.Select(e =>
        {
            var item = new SyndicationItem(e.Title, SyndicationContent.CreateHtmlContent(e.ContentHtml), new Uri(e.Url), e.Id,
                new DateTimeOffset(e.UpdatedAt, TimeSpan.Zero))
            {
                PublishDate = new DateTimeOffset(e.PublishedAt, TimeSpan.Zero),
                Summary = new TextSyndicationContent(e.Summary),
            };
            // RSS's own <author> must be an email address, which stays private: RSS gets dc:creator instead.
            if (atom) item.Authors.Add(new SyndicationPerson(null, e.AuthorName, null));
            else
            {
                item.ElementExtensions.Add("creator", DublinCore, e.AuthorName);
                // RSS's <description> carries the summary; the full post goes in content:encoded, as WordPress does.
                item.ElementExtensions.Add("encoded", ContentModule, e.ContentHtml);
            }
            foreach (var c in e.Categories) item.Categories.Add(new SyndicationCategory(c));
            return item;
        }).ToList();
        return syndication;
    }

    private static async Task WriteXmlAsync(Stream output, Action<XmlWriter> write)
    {
        // Written to a buffer first: XmlWriter is synchronous, and Kestrel refuses synchronous writes.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            write(xml);
        buffer.Position = 0;
        await buffer.CopyToAsync(output);
    }
}
