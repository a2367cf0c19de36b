using System.Net;
using System.Net.Http.Headers;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Hosting;

/// <summary>Readers and feed readers that already have a page get a 304 instead of the bytes again.</summary>
public sealed class ConditionalGetTests(ParleyApps apps) : IClassFixture<ParleyApps>
{
    public static TheoryData<DatabaseProvider, string> Urls()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in BothProviders.All)
            // A query the page cache does not know (?from=…) is rendered each time, and answered by this middleware alone.
            foreach (var url in new[] { "/", "/about-this-site", "/tag/data", "/feed", "/feed/atom", "/feed/json", "/sitemap.xml",
                         "/sitemap-posts-1.xml", "/sitemap-pages-1.xml", "/sitemap-posts-1.xml?from=robots" })
                data.Add(provider, url);
        return data;
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task A_matching_etag_or_date_gets_304_without_a_body(DatabaseProvider provider, string url)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.False(etag.IsWeak);

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-current-one\""));
        var fresh = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await fresh.Content.ReadAsByteArrayAsync());

        var older = new HttpRequestMessage(HttpMethod.Get, url);
        older.Headers.IfModifiedSince = lastModified.AddDays(-1);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(older)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Error_pages_are_never_answered_with_304(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Head_requests_get_headers_without_a_body(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/feed"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
