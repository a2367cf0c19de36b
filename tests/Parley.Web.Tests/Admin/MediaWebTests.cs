using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Admin;

/// <summary>The media library over HTTP: uploads from the editor and the library page, refusals, use in posts, caching.</summary>
public sealed class MediaWebTests(AuthorApps apps) : IClassFixture<AuthorApps>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name, string type, bool json = true, bool withToken = true)
    {
        var page = await HtmlPage.GetAsync(client, "/admin/media");
        using var form = new MultipartFormDataContent();
        if (withToken) form.Add(new StringContent(page.QuerySelector("form.media-upload input[name=__parley_af]")!.GetAttribute("value")!), "__parley_af");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/media/upload") { Content = form };
        if (json) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task An_image_uploaded_from_the_editor_becomes_a_responsive_picture_in_the_post(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        var uploaded = await UploadAsync(admin, TestImages.JpegWithLocation(1600, 900), "../../etc/holiday.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        using var json = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync());
        var url = json.RootElement.GetProperty("url").GetString()!;
        Assert.Matches(@"^/media/\d{4}/\d{2}/[0-9a-f]{16}\.jpg$", url);
        var file = await app.CreatePlainClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("immutable", file.Headers.CacheControl!.ToString());

        var saved = await StaffClient.SubmitAsync(admin, "/admin/posts/edit", "form#editor", new Dictionary<string, string>
        {
            ["Form.Title"] = "Holiday pictures " + provider, ["Form.Body"] = $"![A beach at dusk]({url} \"The beach\")", ["action"] = "publish",
            ["Form.FeaturedImageId"] = json.RootElement.GetProperty("id").GetInt32().ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editor = await HtmlPage.GetAsync(admin, saved.Headers.Location!.OriginalString);
        var postPath = editor.QuerySelectorAll("a").First(a => a.TextContent == "View post").GetAttribute("href")!;
        var post = await HtmlPage.GetAsync(app.CreatePlainClient(), postPath);
        var picture = post.QuerySelector("figure picture")!;
        Assert.Contains("-768.webp 768w", picture.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"));
        var img = picture.QuerySelector("img")!;
        Assert.Equal(("1600", "900"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Contains("-320.jpg 320w", img.GetAttribute("srcset"));

        // In use: deleting is refused and names the post; forced, it goes.
        var id = json.RootElement.GetProperty("id").GetInt32();
        var refused = await StaffClient.SubmitAsync(admin, "/admin/media", $"#media-{id} form[action*='handler=Delete']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Holiday pictures " + provider, await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Lying_empty_oversize_and_tokenless_uploads_are_refused_with_a_sentence(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await StaffClient.SignInAsync(app);

        var html = await UploadAsync(admin, "<html><script>alert(1)</script></html>"u8.ToArray(), "cat.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("not a JPEG, PNG, WebP, GIF or AVIF", await html.Content.ReadAsStringAsync());

        var empty = await UploadAsync(admin, [], "empty.png", "image/png");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var huge = await UploadAsync(admin, new byte[21 * 1024 * 1024], "huge.png", "image/png");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("the limit is 20 MB", await huge.Content.ReadAsStringAsync());

        var noToken = await UploadAsync(admin, TestImages.Png(50, 50), "ok.png", "image/png", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var giant = await UploadAsync(admin, TestImages.PngHeader(50_000, 50_000), "giant.png", "image/png");
        Assert.Equal(HttpStatusCode.BadRequest, giant.StatusCode);

        // Without JavaScript, the library page's own form: a redirect back with the message shown.
        var plain = await UploadAsync(admin, "not an image"u8.ToArray(), "x.gif", "image/gif", json: false);
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        var page = await HtmlPage.GetAsync(admin, "/admin/media");
        Assert.Contains("not a JPEG, PNG, WebP, GIF or AVIF", page.QuerySelector(".notice")!.TextContent);

        // Contributors may not upload (as in WordPress).
        var email = $"contrib-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, email, Roles.Contributor);
        var contributor = await StaffClient.SignInAsync(app, email, "a long test password");
        Assert.Contains("/account/denied", (await contributor.GetAsync("/admin/media")).Headers.Location!.ToString());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(10, 10)), "file", "a.png" } };
        Assert.NotEqual(HttpStatusCode.OK, (await contributor.PostAsync("/admin/media/upload", form)).StatusCode);
    }
}
