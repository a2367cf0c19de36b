using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace Parley.Testing;

/// <summary>Fetches a page and parses it, so tests can ask what a reader would see.</summary>
public static class HtmlPage
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        return await Parser.ParseDocumentAsync(body);
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);
}
