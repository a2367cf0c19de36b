using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Api;

/// <summary>The REST API's contract over HTTP: lists, tokens, permissions, and problem details for every bad input.</summary>
public sealed class ApiTests(ApiApps apps) : IClassFixture<ApiApps>
{
    internal static async Task<string> TokenAsync(HttpClient signedIn, bool write)
    {
        var made = await StaffClient.SubmitAsync(signedIn, "/account/tokens", "form[action*='handler=Create']",
            new Dictionary<string, string> { ["Name"] = "test " + Guid.NewGuid().ToString("N")[..6], ["CanWrite"] = write ? "true" : "false" });
        return HtmlPage.Parse(await made.Content.ReadAsStringAsync()).QuerySelector("[data-token]")!.TextContent;
    }

    internal static HttpClient WithToken(ParleyApp app, string token)
    {
        var client = app.CreatePlainClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
        return json.RootElement.Clone();
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Anyone_reads_published_posts_in_pages_and_bad_paging_is_a_problem(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreatePlainClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/posts?pageSize=2"));
        var root = list.RootElement;
        Assert.Equal(2, root.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.True(root.GetProperty("total").GetInt32() >= 4);
        var first = root.GetProperty("items")[0];
        Assert.Equal("published", first.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("bodyMarkdown").ValueKind);
        Assert.StartsWith("/20", first.GetProperty("url").GetString());

        await ProblemAsync(await client.GetAsync("/api/v1/posts?pageSize=101"), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.GetAsync("/api/v1/posts?page=0"), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.GetAsync("/api/v1/posts?sort=random"), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.GetAsync("/api/v1/posts?page=abc"), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.GetAsync("/api/v1/posts/999999"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        var comments = await client.GetAsync($"/api/v1/posts/{first.GetProperty("id").GetInt32()}/comments");
        Assert.Equal(HttpStatusCode.OK, comments.StatusCode);
        using var categories = JsonDocument.Parse(await client.GetStringAsync("/api/v1/categories"));
        Assert.True(categories.RootElement.GetArrayLength() > 0);
        await ProblemAsync(await client.GetAsync("/api/v1/users"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_write_token_creates_and_updates_and_every_refusal_is_a_clear_problem(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        var read = WithToken(app, await TokenAsync(admin, write: false));
        var write = WithToken(app, await TokenAsync(admin, write: true));
        var post = new { title = "Through the API " + provider, body = "Written *remotely*.", status = "published", tags = new[] { "api" } };

        await ProblemAsync(await read.PostAsJsonAsync("/api/v1/posts", post), HttpStatusCode.Forbidden);
        // A signed-in browser's cookie is not enough: the API takes tokens only.
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/posts", post), HttpStatusCode.Unauthorized);
        await ProblemAsync(await WithToken(app, "parley_not-a-real-token").GetAsync("/api/v1/posts"), HttpStatusCode.Unauthorized);

        var created = await write.PostAsJsonAsync("/api/v1/posts", post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/posts/{id}", created.Headers.Location!.OriginalString);
        Assert.Contains("<em>remotely</em>", body.RootElement.GetProperty("bodyHtml").GetString());
        var version = body.RootElement.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await app.CreatePlainClient().GetAsync(body.RootElement.GetProperty("url").GetString())).StatusCode);

        // Bad input: each a problem, never a 500.
        var noTitle = await ProblemAsync(await write.PostAsJsonAsync("/api/v1/posts", new { title = "", body = "x" }), HttpStatusCode.BadRequest);
        Assert.True(noTitle.GetProperty("errors").TryGetProperty("title", out _));
        await ProblemAsync(await write.PostAsync("/api/v1/posts", new StringContent("{ not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/posts", new { title = 42, tags = "not a list" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/posts", new { title = "x", status = "sideways" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/posts", new { title = "x", categories = new[] { "no-such-category" } }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsync("/api/v1/posts", new StringContent(new string('x', 3 * 1024 * 1024), Encoding.UTF8, "application/json")), HttpStatusCode.RequestEntityTooLarge);

        var updated = await write.PutAsJsonAsync($"/api/v1/posts/{id}", new { title = "Renamed " + provider, version });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await ProblemAsync(await write.PutAsJsonAsync($"/api/v1/posts/{id}", new { title = "Stale", version }), HttpStatusCode.Conflict);
        await ProblemAsync(await write.PutAsJsonAsync("/api/v1/posts/999999", new { title = "Ghost" }), HttpStatusCode.NotFound);
        await ProblemAsync(await write.PutAsJsonAsync($"/api/v1/pages/{id}", new { title = "Wrong kind" }), HttpStatusCode.NotFound);

        using var users = JsonDocument.Parse(await read.GetStringAsync("/api/v1/users"));
        Assert.Contains(users.RootElement.EnumerateArray(), u => u.GetProperty("email").GetString() == ParleyApp.AdminEmail);
        Assert.Equal(HttpStatusCode.NoContent, (await write.DeleteAsync($"/api/v1/posts/{id}")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_contributors_token_submits_for_review_and_a_revoked_token_stops_working(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var email = $"api-contrib-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, email, Roles.Contributor);
        var contributor = await StaffClient.SignInAsync(app, email, "a long test password");
        var token = await TokenAsync(contributor, write: true);
        var client = WithToken(app, token);
        var created = await client.PostAsJsonAsync("/api/v1/posts", new { title = "Please publish me", status = "published" });
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("pending", json.RootElement.GetProperty("status").GetString());
        await ProblemAsync(await client.PostAsJsonAsync("/api/v1/pages", new { title = "A page" }), HttpStatusCode.Forbidden);
        using (var users = JsonDocument.Parse(await client.GetStringAsync("/api/v1/users")))
            Assert.All(users.RootElement.EnumerateArray(), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("email").ValueKind));

        var page = await HtmlPage.GetAsync(contributor, "/account/tokens");
        Assert.Contains(token[..13], page.QuerySelector(".account__identities")!.TextContent);
        await StaffClient.SubmitAsync(contributor, "/account/tokens", "form[action*='handler=Revoke']", new Dictionary<string, string>());
        await ProblemAsync(await client.GetAsync("/api/v1/posts"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Editors_manage_taxonomy_moderators_work_the_queue_and_authors_cannot_touch_categories(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app), write: true));
        var made = await admin.PostAsJsonAsync("/api/v1/categories", new { name = "Through the API " + provider });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        using var category = JsonDocument.Parse(await made.Content.ReadAsStringAsync());
        var id = category.RootElement.GetProperty("id").GetInt32();
        var child = await admin.PostAsJsonAsync("/api/v1/categories", new { name = "Child " + provider, parentId = id });
        using var childJson = JsonDocument.Parse(await child.Content.ReadAsStringAsync());
        var cycle = await admin.PutAsJsonAsync($"/api/v1/categories/{id}", new { name = "Through the API " + provider, parentId = childJson.RootElement.GetProperty("id").GetInt32() });
        await ProblemAsync(cycle, HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/categories", new { name = "" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/categories/999999", new { name = "Ghost" }), HttpStatusCode.NotFound);

        var authorEmail = $"api-author-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, authorEmail, Roles.Author);
        var author = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app, authorEmail, "a long test password"), write: true));
        await ProblemAsync(await author.PostAsJsonAsync("/api/v1/categories", new { name = "Not mine to make" }), HttpStatusCode.Forbidden);

        // The queue: a held guest comment, approved through the API.
        await CommentPoster.PostAsync(app.CreatePlainClient(), "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt",
            CommentPoster.Guest("Hold me for the API " + provider, email: $"held-{provider}@example.org"));
        using var queue = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/comments?status=pending"));
        var held = queue.RootElement.GetProperty("items").EnumerateArray().First(c => c.GetProperty("bodyHtml").GetString()!.Contains("Hold me for the API"));
        var commentId = held.GetProperty("id").GetInt32();
        await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/comments/{commentId}", new { action = "explode" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/comments/{commentId}", new { action = "approve" })).StatusCode);
        // The author of other people's posts does not see or moderate that comment.
        await ProblemAsync(await author.PutAsJsonAsync($"/api/v1/comments/{commentId}", new { action = "trash" }), HttpStatusCode.NotFound);
        using var media = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/media"));
        Assert.True(media.RootElement.GetProperty("total").GetInt32() >= 0);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_openapi_document_and_the_reference_page_describe_the_same_operations(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var doc = JsonDocument.Parse(await app.CreatePlainClient().GetStringAsync("/api/v1/openapi.json"));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/posts", out var posts));
        Assert.True(posts.TryGetProperty("get", out _) && posts.TryGetProperty("post", out _));
        var reference = await HtmlPage.GetAsync(app.CreatePlainClient(), "/api");
        var calls = reference.QuerySelectorAll(".api-reference__table code").Select(c => c.TextContent).ToList();
        Assert.Contains("POST /api/v1/posts", calls);
        Assert.Contains("GET /api/v1/posts/{id}/comments", calls);
    }
}

/// <summary>Apps for API tests; the reply form's typing-time minimum is off (tested with the real form elsewhere).</summary>
public sealed class ApiApps : ParleyApps
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Parley:Limits:CommentMinimumSeconds"] = "0",
        ["Parley:Limits:CommentsPerWindow"] = "100000",
    };
}
