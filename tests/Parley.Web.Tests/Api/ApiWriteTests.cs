using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;
using static Parley.Web.Tests.Api.ApiTests;

namespace Parley.Web.Tests.Api;

/// <summary>The API's media library and discussion writes over HTTP: the admin area's rules, and a problem for every refusal.</summary>
public sealed class ApiWriteTests(ApiApps apps) : IClassFixture<ApiApps>
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name, string type, string? alt = null, string? caption = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        if (alt is not null) form.Add(new StringContent(alt), "altText");
        if (caption is not null) form.Add(new StringContent(caption), "caption");
        return form;
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Staff_upload_describe_and_delete_media_with_the_admin_areas_limits(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var signedIn = await StaffClient.SignInAsync(app);
        var write = WithToken(app, await TokenAsync(signedIn, write: true));
        var read = WithToken(app, await TokenAsync(signedIn, write: false));

        var uploaded = await write.PostAsync("/api/v1/media", Upload(TestImages.JpegWithLocation(900, 600), "../../etc/passwd.jpg", "image/jpeg", "A red square", "Seen from above"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        using var made = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync());
        var id = made.RootElement.GetProperty("id").GetInt32();
        var url = made.RootElement.GetProperty("url").GetString()!;
        Assert.Matches(@"^/media/\d{4}/\d{2}/[0-9a-f]{16}\.jpg$", url);
        Assert.Equal("A red square", made.RootElement.GetProperty("altText").GetString());
        Assert.Equal("Seen from above", made.RootElement.GetProperty("caption").GetString());
        Assert.Equal($"/api/v1/media/{id}", uploaded.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await app.CreatePlainClient().GetAsync(url)).StatusCode);

        using var got = JsonDocument.Parse(await read.GetStringAsync($"/api/v1/media/{id}"));
        Assert.Equal(900, got.RootElement.GetProperty("width").GetInt32());
        var described = await write.PutAsJsonAsync($"/api/v1/media/{id}", new { altText = "A red square, described again", caption = "" });
        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        using (var json = JsonDocument.Parse(await described.Content.ReadAsStringAsync()))
        {
            Assert.Equal("A red square, described again", json.RootElement.GetProperty("altText").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("caption").ValueKind);
        }

        // Refusals, each a problem.
        await ProblemAsync(await read.PostAsync("/api/v1/media", Upload(TestImages.Png(20, 20), "a.png", "image/png")), HttpStatusCode.Forbidden);
        await ProblemAsync(await app.CreatePlainClient().PostAsync("/api/v1/media", Upload(TestImages.Png(20, 20), "a.png", "image/png")), HttpStatusCode.Unauthorized);
        await ProblemAsync(await write.PostAsync("/api/v1/media", Upload("<html><script>alert(1)</script></html>"u8.ToArray(), "cat.jpg", "image/jpeg")), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await write.PostAsync("/api/v1/media", Upload(new byte[21 * 1024 * 1024], "huge.png", "image/png")), HttpStatusCode.RequestEntityTooLarge);
        await ProblemAsync(await write.PostAsync("/api/v1/media", Upload(TestImages.PngHeader(50_000, 50_000), "giant.png", "image/png")), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsync("/api/v1/media", Upload(TestImages.Png(20, 20), "a.png", "image/png", alt: new string('a', 501))), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/media", new { file = "nope" }), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await write.PostAsync("/api/v1/media", new MultipartFormDataContent { { new StringContent("x"), "altText" } }), HttpStatusCode.BadRequest);
        var tooLong = await ProblemAsync(await write.PutAsJsonAsync($"/api/v1/media/{id}", new { altText = new string('a', 501) }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("altText", out _));
        await ProblemAsync(await write.GetAsync("/api/v1/media/999999"), HttpStatusCode.NotFound);
        await ProblemAsync(await write.PutAsJsonAsync("/api/v1/media/999999", new { altText = "x" }), HttpStatusCode.NotFound);

        var contributorEmail = $"api-contributor-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, contributorEmail, Roles.Contributor);
        var contributor = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app, contributorEmail, "a long test password"), write: true));
        await ProblemAsync(await contributor.PostAsync("/api/v1/media", Upload(TestImages.Png(20, 20), "a.png", "image/png")), HttpStatusCode.Forbidden);

        // In use: refused as in the admin area, unless forced.
        var post = await write.PostAsJsonAsync("/api/v1/posts", new { title = "Pictured " + provider, body = $"![square]({url})", status = "published", featuredImageId = id });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var inUse = await ProblemAsync(await write.DeleteAsync($"/api/v1/media/{id}"), HttpStatusCode.Conflict);
        Assert.Contains("Pictured " + provider, inUse.GetProperty("detail").GetString());
        await ProblemAsync(await read.DeleteAsync($"/api/v1/media/{id}?force=true"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await write.DeleteAsync($"/api/v1/media/{id}?force=true")).StatusCode);
        await ProblemAsync(await write.GetAsync($"/api/v1/media/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePlainClient().GetAsync(url)).StatusCode);
        await ProblemAsync(await write.DeleteAsync($"/api/v1/media/{id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Staff_comment_as_themselves_and_moderators_delete_keeping_replies(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var signedIn = await StaffClient.SignInAsync(app);
        var write = WithToken(app, await TokenAsync(signedIn, write: true));
        var read = WithToken(app, await TokenAsync(signedIn, write: false));
        var anyone = app.CreatePlainClient();
        var postId = await PublishAsync(write, "Discussed " + provider, commentsOpen: true);
        var otherId = await PublishAsync(write, "Elsewhere " + provider, commentsOpen: true);
        var closedId = await PublishAsync(write, "Closed " + provider, commentsOpen: false);

        var made = await write.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { body = "From the *team*. <script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        using var comment = JsonDocument.Parse(await made.Content.ReadAsStringAsync());
        var commentId = comment.RootElement.GetProperty("id").GetInt32();
        Assert.Equal("approved", comment.RootElement.GetProperty("status").GetString());
        Assert.Contains("<em>team</em>", comment.RootElement.GetProperty("bodyHtml").GetString());
        Assert.DoesNotContain("<script", comment.RootElement.GetProperty("bodyHtml").GetString());
        Assert.Equal($"/api/v1/comments/{commentId}", made.Headers.Location!.OriginalString);

        var replied = await write.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { body = "And a reply.", parentId = commentId });
        Assert.Equal(HttpStatusCode.Created, replied.StatusCode);
        using var reply = JsonDocument.Parse(await replied.Content.ReadAsStringAsync());
        var replyId = reply.RootElement.GetProperty("id").GetInt32();
        Assert.Equal(commentId, reply.RootElement.GetProperty("parentId").GetInt32());

        using (var shown = JsonDocument.Parse(await anyone.GetStringAsync($"/api/v1/comments/{commentId}")))
        {
            Assert.Equal(postId, shown.RootElement.GetProperty("postId").GetInt32());
            Assert.Equal(JsonValueKind.Null, shown.RootElement.GetProperty("authorEmail").ValueKind);   // readers never see addresses
        }
        using (var shown = JsonDocument.Parse(await write.GetStringAsync($"/api/v1/comments/{commentId}")))
            Assert.Equal(ParleyApp.AdminEmail, shown.RootElement.GetProperty("authorEmail").GetString());

        // Refusals.
        await ProblemAsync(await read.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { body = "Read-only." }), HttpStatusCode.Forbidden);
        await ProblemAsync(await anyone.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { body = "Anonymous." }), HttpStatusCode.Unauthorized);
        await ProblemAsync(await write.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { body = "" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { body = new string('x', 70_000) }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync($"/api/v1/posts/{otherId}/comments", new { body = "Crossing threads.", parentId = commentId }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync($"/api/v1/posts/{closedId}/comments", new { body = "Too late." }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/posts/999999/comments", new { body = "Nowhere." }), HttpStatusCode.NotFound);
        var draft = await write.PostAsJsonAsync("/api/v1/posts", new { title = "Draft " + provider, body = "Not yet.", status = "draft" });
        using (var draftJson = JsonDocument.Parse(await draft.Content.ReadAsStringAsync()))
            await ProblemAsync(await write.PostAsJsonAsync($"/api/v1/posts/{draftJson.RootElement.GetProperty("id").GetInt32()}/comments", new { body = "Early." }), HttpStatusCode.NotFound);
        await ProblemAsync(await write.PostAsync($"/api/v1/posts/{postId}/comments", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ProblemAsync(await anyone.GetAsync("/api/v1/comments/999999"), HttpStatusCode.NotFound);

        // Delete: as in the admin area, from the trash only; the reply stays.
        await ProblemAsync(await write.DeleteAsync($"/api/v1/comments/{commentId}"), HttpStatusCode.Conflict);
        await ProblemAsync(await read.DeleteAsync($"/api/v1/comments/{commentId}"), HttpStatusCode.Forbidden);
        var authorEmail = $"api-author-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, authorEmail, Roles.Author);
        var author = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app, authorEmail, "a long test password"), write: true));
        await ProblemAsync(await author.DeleteAsync($"/api/v1/comments/{commentId}"), HttpStatusCode.NotFound);   // not their post
        Assert.Equal(HttpStatusCode.OK, (await write.PutAsJsonAsync($"/api/v1/comments/{commentId}", new { action = "trash" })).StatusCode);
        await ProblemAsync(await anyone.GetAsync($"/api/v1/comments/{commentId}"), HttpStatusCode.NotFound);   // held from readers
        Assert.Equal(HttpStatusCode.NoContent, (await write.DeleteAsync($"/api/v1/comments/{commentId}")).StatusCode);
        await ProblemAsync(await write.GetAsync($"/api/v1/comments/{commentId}"), HttpStatusCode.NotFound);
        using (var kept = JsonDocument.Parse(await anyone.GetStringAsync($"/api/v1/comments/{replyId}")))
            Assert.Equal(JsonValueKind.Null, kept.RootElement.GetProperty("parentId").ValueKind);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_new_calls_are_in_the_openapi_document_and_the_reference_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var doc = JsonDocument.Parse(await app.CreatePlainClient().GetStringAsync("/api/v1/openapi.json"));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/media").TryGetProperty("post", out var upload));
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        foreach (var method in new[] { "get", "put", "delete" }) Assert.True(paths.GetProperty("/api/v1/media/{id}").TryGetProperty(method, out _), method);
        Assert.True(paths.GetProperty("/api/v1/posts/{id}/comments").TryGetProperty("post", out _));
        foreach (var method in new[] { "get", "delete" }) Assert.True(paths.GetProperty("/api/v1/comments/{id}").TryGetProperty(method, out _), method);

        var reference = await HtmlPage.GetAsync(app.CreatePlainClient(), "/api");
        var calls = reference.QuerySelectorAll(".api-reference__table code").Select(c => c.TextContent).ToList();
        foreach (var call in new[] { "POST /api/v1/media", "GET /api/v1/media/{id}", "PUT /api/v1/media/{id}", "DELETE /api/v1/media/{id}",
                     "POST /api/v1/posts/{id}/comments", "GET /api/v1/comments/{id}", "DELETE /api/v1/comments/{id}" })
            Assert.Contains(call, calls);
    }

    private static async Task<int> PublishAsync(HttpClient write, string title, bool commentsOpen)
    {
        var made = await write.PostAsJsonAsync("/api/v1/posts", new { title, body = "Text.", status = "published", commentsOpen });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        using var json = JsonDocument.Parse(await made.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }
}
