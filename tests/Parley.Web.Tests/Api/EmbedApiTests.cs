using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Web.Tests.Api;

/// <summary>The embed endpoints' rules: CORS for listed sites only, and a ticket that cannot be forged or moved.</summary>
public sealed class EmbedApiTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private const string Post = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";
    private const string Listed = "https://notes.example.org";

    private async Task<ParleyApp> AppAsync(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s => { s.EmbedOrigins = Listed; s.CommentModeration = ModerationPolicy.PublishAll; }, DateTime.UtcNow);
        return app;
    }

    private static HttpRequestMessage From(string? origin, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Only_listed_sites_get_cors_answers_and_a_ticket_works_only_for_its_post(DatabaseProvider provider)
    {
        var app = await AppAsync(provider);
        var client = app.CreatePlainClient();
        var thread = await client.SendAsync(From(Listed, HttpMethod.Get, "/api/v1/embed/thread?path=" + Uri.EscapeDataString(Post)));
        Assert.Equal(HttpStatusCode.OK, thread.StatusCode);
        Assert.Equal(Listed, thread.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var json = JsonDocument.Parse(await thread.Content.ReadAsStringAsync());
        var postId = json.RootElement.GetProperty("post").GetProperty("id").GetInt32();
        var ticket = json.RootElement.GetProperty("ticket").GetString();

        var stranger = await client.SendAsync(From("https://evil.example", HttpMethod.Get, "/api/v1/embed/thread?path=" + Uri.EscapeDataString(Post)));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(From(null, HttpMethod.Get, "/api/v1/embed/thread?path=" + Uri.EscapeDataString(Post)))).StatusCode);
        var preflight = await client.SendAsync(From(Listed, HttpMethod.Options, "/api/v1/embed/comments"));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Contains("Content-Type", preflight.Headers.GetValues("Access-Control-Allow-Headers").Single());

        object Comment(int post, string? t, string? company = null) => new { postId = post, ticket = t, name = "Embed Ed", email = "ed@example.org", body = "From afar " + provider, company };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(From(Listed, HttpMethod.Post, "/api/v1/embed/comments", Comment(postId, "forged")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(From(Listed, HttpMethod.Post, "/api/v1/embed/comments", Comment(postId + 1, ticket)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(From(Listed, HttpMethod.Post, "/api/v1/embed/comments", Comment(postId, ticket, company: "spam inc")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(From("https://evil.example", HttpMethod.Post, "/api/v1/embed/comments", Comment(postId, ticket)))).StatusCode);
        var posted = await client.SendAsync(From(Listed, HttpMethod.Post, "/api/v1/embed/comments", Comment(postId, ticket)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var empty = await client.SendAsync(From(Listed, HttpMethod.Post, "/api/v1/embed/comments", new { postId, ticket, name = "Ed", email = "ed@example.org", body = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType!.MediaType);
    }
}
