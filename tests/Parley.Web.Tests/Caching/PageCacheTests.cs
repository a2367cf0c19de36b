using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Testing;
using Parley.Web.Tests.Comments;

namespace Parley.Web.Tests.Caching;

/// <summary>
/// Pages kept in memory: served again without rendering, carrying nothing about any one visitor, and dropped
/// exactly when what they show changes — an approved comment drops its post, that post's comment feeds, the
/// listings showing its comment count and the pages showing every discussion; nothing else.
/// </summary>
public sealed class PageCacheTests(CommentApps apps) : IClassFixture<CommentApps>
{
    private static async Task<(HttpStatusCode Status, string? Cache, string Body)> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var cache = response.Headers.TryGetValues("Parley-Cache", out var values) ? values.Single() : null;
        return (response.StatusCode, cache, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Approving_a_comment_drops_exactly_the_pages_that_show_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        string post, other, tagWithPost, tagWithoutPost;
        int postId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var published = await db.Posts.AsNoTracking().Include(p => p.Tags)
                .Where(p => p.Kind == PostKind.Post && p.Status == PostStatus.Published && p.CommentsOpen).OrderBy(p => p.Id).ToListAsync();
            var zone = SiteTime.Zone(await scope.ServiceProvider.GetRequiredService<Parley.Core.Settings.SettingsService>().GetAsync());
            var chosen = published.First(p => p.Tags.Count > 0 && published.Any(q => q.Id != p.Id && q.Tags.Any(t => p.Tags.All(u => u.Id != t.Id))));
            var unrelated = published.First(q => q.Id != chosen.Id && q.Tags.Any(t => chosen.Tags.All(u => u.Id != t.Id)));
            (postId, post, other) = (chosen.Id, PostUrls.PathFor(chosen, zone), PostUrls.PathFor(unrelated, zone));
            tagWithPost = PostUrls.Tag(chosen.Tags[0].Slug);
            tagWithoutPost = PostUrls.Tag(unrelated.Tags.First(t => chosen.Tags.All(u => u.Id != t.Id)).Slug);
        }
        string[] dropped = [post, post + "/feed", "/comments/feed", "/", tagWithPost];
        string[] kept = [other, other + "/feed", tagWithoutPost, "/feed", "/sitemap.xml", "/sitemap-posts-1.xml"];

        var visitor = app.CreatePlainClient();
        foreach (var url in dropped.Concat(kept)) await Get(visitor, url);
        foreach (var url in dropped.Concat(kept)) Assert.Equal("hit", (await Get(visitor, url)).Cache);

        // A held comment is seen by its author only: it changes no kept page.
        var writer = app.CreatePlainClient();
        var words = "Cached-or-not " + Guid.NewGuid().ToString("N")[..8];
        var id = await CommentPoster.PostOkAsync(writer, post, CommentPoster.Guest(words, name: "Carla Cache", email: $"c-{Guid.NewGuid():N}@example.org"));
        Assert.Contains(words, (await Get(writer, post)).Body);
        var before = await Get(visitor, post);
        Assert.Equal("hit", before.Cache);
        Assert.DoesNotContain(words, before.Body);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var adminId = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CommentModeration>().ApplyAsync(new ModeratorScope(adminId, true), [id], ModerationAction.Approve));
        }

        foreach (var url in dropped)
        {
            var after = await Get(visitor, url);
            Assert.Equal(HttpStatusCode.OK, after.Status);
            Assert.True(after.Cache == "miss", $"{url} was served from the cache after the comment was approved");
        }
        Assert.Contains(words, (await Get(visitor, post)).Body);
        Assert.Contains(words, (await Get(visitor, post + "/feed")).Body);
        Assert.Contains(words, (await Get(visitor, "/comments/feed")).Body);
        Assert.Contains("Carla Cache", (await Get(visitor, "/")).Body);
        foreach (var url in kept) Assert.True((await Get(visitor, url)).Cache == "hit", $"{url} was dropped, but it does not show that discussion");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Renaming_a_tag_through_its_service_drops_the_pages_that_show_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        int tagId;
        string slug;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tag = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Tags.AsNoTracking().OrderBy(t => t.Id).FirstAsync(t => t.Posts.Any());
            (tagId, slug) = (tag.Id, tag.Slug);
        }
        var visitor = app.CreatePlainClient();
        await Get(visitor, PostUrls.Tag(slug));
        Assert.Equal("hit", (await Get(visitor, PostUrls.Tag(slug))).Cache);
        var name = "Renamed " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TagService>().RenameAsync(tagId, name);
        // The tag's old page is not served from memory any more (its slug changed with its name) ...
        Assert.NotEqual("hit", (await Get(visitor, PostUrls.Tag(slug))).Cache);
        // ... and its new page is there at once.
        var renamed = await Get(visitor, PostUrls.Tag(Slugs.FromText(name)));
        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Contains(name, renamed.Body);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_kept_page_carries_nothing_about_a_visitor_and_personal_visits_are_rendered_for_them(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        const string post = "/2026/11/the-new-train-timetable-is-worse-for-most-of-us-on-paper";
        var visitor = app.CreatePlainClient();
        await visitor.GetAsync(post);
        var kept = await visitor.GetAsync(post);
        Assert.Equal("hit", kept.Headers.GetValues("Parley-Cache").Single());
        Assert.False(kept.Headers.Contains("Set-Cookie"));
        var page = HtmlPage.Parse(await kept.Content.ReadAsStringAsync());
        Assert.All(page.QuerySelectorAll("input[name=__parley_af], input[name='Form.Issued']"), i => Assert.Equal("", i.GetAttribute("value")));
        Assert.Null(page.QuerySelector(".comment-form__as"));

        // Someone who wrote a comment here, saved their name, or is signed in gets the page made for them.
        var writer = app.CreatePlainClient();
        var words = "Mine alone " + Guid.NewGuid().ToString("N")[..8];
        await CommentPoster.PostOkAsync(writer, post, CommentPoster.Guest(words, name: "Pia Personal", email: $"p-{Guid.NewGuid():N}@example.org"));
        var own = await writer.GetAsync(post);
        Assert.False(own.Headers.Contains("Parley-Cache"));
        var ownPage = HtmlPage.Parse(await own.Content.ReadAsStringAsync());
        Assert.Contains(words, ownPage.Body!.TextContent);
        Assert.NotEqual("", ownPage.QuerySelector("form.comment-form input[name=__parley_af]")!.GetAttribute("value"));
        Assert.DoesNotContain(words, await visitor.GetStringAsync(post));

        foreach (var cookie in new[] { "parley_auth=anything", "parley_commenter=anything" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, post);
            request.Headers.Add("Cookie", cookie);
            Assert.False((await app.CreatePlainClient().SendAsync(request)).Headers.Contains("Parley-Cache"), cookie);
        }
        // Addresses with queries no public page understands are never kept (they would fill memory with copies).
        await visitor.GetAsync(post + "?utm_source=x");
        Assert.False((await visitor.GetAsync(post + "?utm_source=x")).Headers.Contains("Parley-Cache"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Kept_pages_are_sent_compressed_as_asked_with_their_own_validators(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreatePlainClient();
        var plain = await client.GetByteArrayAsync("/");
        var etags = new HashSet<string>();
        foreach (var (accept, encoding) in new[] { ("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"), ("identity", null) })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(encoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Stream body = new MemoryStream(bytes);
            if (encoding == "br") body = new BrotliStream(body, CompressionMode.Decompress);
            if (encoding == "gzip") body = new GZipStream(body, CompressionMode.Decompress);
            using var decoded = new MemoryStream();
            await body.CopyToAsync(decoded);
            Assert.Equal(plain, decoded.ToArray());
            if (encoding != null) Assert.True(bytes.Length < plain.Length / 3, $"{encoding}: {bytes.Length} of {plain.Length} bytes");
            etags.Add(response.Headers.ETag!.Tag);

            var again = new HttpRequestMessage(HttpMethod.Get, "/");
            again.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            var notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(3, etags.Count); // brotli, gzip and plain bytes each have their own tag ("identity" shares the plain one)
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Without_javascript_a_kept_page_posts_after_one_confirmation_and_keeps_the_text(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        const string post = "/2026/11/two-years-of-river-clean-up-in-four-numbers";
        var browser = app.CreatePlainClient();
        await browser.GetAsync(post);
        var form = (await HtmlPage.GetAsync(browser, post)).QuerySelector("form.comment-form")!;
        var words = "No script here " + Guid.NewGuid().ToString("N")[..8];
        var values = FormFields.Collect(form, new Dictionary<string, string> { ["Form.Name"] = "Nora", ["Form.Email"] = "nora@example.org", ["Form.Body"] = words });
        var first = await browser.PostAsync(post, new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var answer = HtmlPage.Parse(await first.Content.ReadAsStringAsync());
        Assert.Contains("press Post Comment again", answer.QuerySelector(".form-errors")!.TextContent);
        var again = answer.QuerySelector("form.comment-form")!;
        Assert.Equal(words, again.QuerySelector("textarea")!.TextContent.Trim());

        var second = await browser.PostAsync(post, new FormUrlEncodedContent(FormFields.Collect(again, new Dictionary<string, string>())));
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
    }
}
