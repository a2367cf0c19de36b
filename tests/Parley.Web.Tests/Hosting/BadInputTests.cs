using System.Net;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Hosting;

/// <summary>Addresses a person or a bot may type: each gets a proper 404 or 400 page, never a 500 or a stack trace.</summary>
public sealed class BadInputTests(ParleyApps apps) : IClassFixture<ParleyApps>
{
    public static TheoryData<DatabaseProvider, string, int> Cases()
    {
        var cases = new (string Url, int Status)[]
        {
            ("/no-such-page", 404),
            ("/2026/11/no-such-post", 404),
            ("/2013/13/", 404),
            ("/2013/00/", 404),
            ("/0/01/", 404),
            ("/99999999999/01/", 404),
            ("/2013/1x/", 404),
            ("/category/no-such-category", 404),
            ("/tag/no-such-tag", 404),
            ("/author/nobody", 404),
            ("/tag/no-such-tag/feed", 404),
            ("/?page=0", 400),
            ("/?page=-1", 400),
            ("/?page=abc", 400),
            ("/?page=1.5", 400),
            ("/?page=99999999999999999999", 400),
            ("/?page=2&page=3", 400),
            ("/?page=999", 404),
            ("/category/commentary?page=50", 404),
            ("/search?q=nitrate&page=9", 404),
            ("/search?q=x&page=zero", 400),
            ("/search?q=" + new string('a', 600), 400),
            ("/search?q=a&q=b", 400),
            ("/?q=" + new string('x', 10_000), 400),
            ("/search?q=" + Uri.EscapeDataString("\"*-NEAR(OR OR"), 200),
            ("/%E2%80%AE%F0%9F%92%A9", 404),
            ("/category/%27%22%3E%3Cscript%3E", 404),
            ("/" + new string('a', 2000), 404),
        };
        var data = new TheoryData<DatabaseProvider, string, int>();
        foreach (var provider in BothProviders.All)
            foreach (var (url, status) in cases)
                data.Add(provider, url, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_addresses_get_a_readable_page_with_the_right_status(DatabaseProvider provider, string url, int status)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        if (status != 200)
        {
            var page = HtmlPage.Parse(body);
            Assert.Equal(status.ToString(), page.QuerySelector(".error-page__code")!.TextContent);
            Assert.NotNull(page.QuerySelector("a[href='/']"));
        }
    }
}
