using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.Web.Tests.Admin;

/// <summary>The editor over HTTP: what each role may press, bad input, conflicts, revisions, autosave and scheduling.</summary>
public sealed class EditorTests(AuthorApps apps) : IClassFixture<AuthorApps>
{
    private const string Password = "a long test password";

    private static async Task<HttpClient> StaffAsync(ParleyApp app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, email, role, Password);
        return await StaffClient.SignInAsync(app, email, Password);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string editorUrl, string action, Dictionary<string, string> fields) =>
        StaffClient.SubmitAsync(client, editorUrl, "form#editor", new Dictionary<string, string>(fields) { ["action"] = action });

    private static int IdFrom(HttpResponseMessage response) => int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

    private static async Task<Post> PostAsync(ParleyApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_contributor_submits_for_review_and_an_editor_publishes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var contributor = await StaffAsync(app, Roles.Contributor);
        var created = await SaveAsync(contributor, "/admin/posts/edit", "publish",
            new() { ["Form.Title"] = "A contributor's first piece", ["Form.Body"] = "Some *words*." });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        // "Publish" from a Contributor is a submission for review.
        Assert.Equal(PostStatus.Pending, (await PostAsync(app, id)).Status);
        var editorPage = await HtmlPage.GetAsync(contributor, $"/admin/posts/edit/{id}");
        Assert.Null(editorPage.QuerySelector("button[value=publish]"));
        Assert.NotNull(editorPage.QuerySelector("button[value=review]"));

        var editor = await StaffAsync(app, Roles.Editor);
        var published = await SaveAsync(editor, $"/admin/posts/edit/{id}", "publish", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(PostStatus.Published, (await PostAsync(app, id)).Status);

        // Once published, the contributor can no longer change it; an author cannot touch someone else's post.
        Assert.Contains("/account/denied", (await contributor.GetAsync($"/admin/posts/edit/{id}")).Headers.Location!.ToString());
        var author = await StaffAsync(app, Roles.Author);
        Assert.Contains("/account/denied", (await author.GetAsync($"/admin/posts/edit/{id}")).Headers.Location!.ToString());
        Assert.Contains("/account/denied", (await author.GetAsync("/admin/posts/edit?kind=Page")).Headers.Location!.ToString());
        // Lists show a contributor their own posts only.
        var list = await HtmlPage.GetAsync(author, "/admin/posts");
        Assert.DoesNotContain("A contributor's first piece", list.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task An_editor_publishes_a_page_at_its_own_address_and_a_reserved_slug_is_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var editor = await StaffAsync(app, Roles.Editor);
        var slug = "opening-hours-" + provider.ToString().ToLowerInvariant();
        var saved = await SaveAsync(editor, "/admin/posts/edit?kind=Page", "publish",
            new() { ["Form.Title"] = "Opening hours", ["Form.Slug"] = slug, ["Form.Body"] = "Monday to Friday." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(PostKind.Page, (await PostAsync(app, IdFrom(saved))).Kind);
        Assert.Contains("Monday to Friday.", (await HtmlPage.GetAsync(app.CreatePlainClient(), "/" + slug)).QuerySelector("main")!.TextContent);
        var pages = await HtmlPage.GetAsync(editor, "/admin/posts?kind=Page");
        Assert.Contains("Opening hours", pages.QuerySelector("main")!.TextContent);

        var reserved = await SaveAsync(editor, "/admin/posts/edit?kind=Page", "publish", new() { ["Form.Title"] = "Feed", ["Form.Slug"] = "feed" });
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Contains("the site's own pages", HtmlPage.Parse(await reserved.Content.ReadAsStringAsync()).QuerySelector("#post-slug")!.ParentElement!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task An_empty_title_or_a_taken_slug_is_refused_and_everything_typed_stays(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var author = await StaffAsync(app, Roles.Author);
        var noTitle = await SaveAsync(author, "/admin/posts/edit", "publish", new() { ["Form.Title"] = "  ", ["Form.Body"] = "Body kept." });
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        var page = HtmlPage.Parse(await noTitle.Content.ReadAsStringAsync());
        Assert.Contains("Give the post a title", page.QuerySelector("#post-title")!.ParentElement!.TextContent);
        Assert.Equal("Body kept.", page.QuerySelector("#post-body")!.TextContent);

        var first = IdFrom(await SaveAsync(author, "/admin/posts/edit", "draft", new() { ["Form.Title"] = "Slug owner", ["Form.Slug"] = "only-one-" + provider }));
        var taken = await SaveAsync(author, "/admin/posts/edit", "draft", new() { ["Form.Title"] = "Slug thief", ["Form.Slug"] = "only-one-" + provider, ["Form.Body"] = "Mine." });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var takenPage = HtmlPage.Parse(await taken.Content.ReadAsStringAsync());
        Assert.Contains("already used by \"Slug owner\"", takenPage.QuerySelector("#post-slug")!.ParentElement!.TextContent);
        Assert.Equal("Slug thief", takenPage.QuerySelector("#post-title")!.GetAttribute("value"));
        Assert.Equal($"only-one-{provider}".ToLowerInvariant(), (await PostAsync(app, first)).Slug);

        var badDate = await SaveAsync(author, "/admin/posts/edit", "publish", new() { ["Form.Title"] = "When?", ["Form.PublishAt"] = "tomorrow-ish" });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Two_editors_saving_the_same_post_the_second_is_told_and_sees_the_difference(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var ann = await StaffAsync(app, Roles.Editor);
        var id = IdFrom(await SaveAsync(ann, "/admin/posts/edit", "draft", new() { ["Form.Title"] = "Shared draft", ["Form.Body"] = "Line one.\nLine two." }));
        var bob = await StaffAsync(app, Roles.Editor);

        // Both have the post open (SubmitAsync loads the form, with its version, before posting); Ann saves first.
        var bobOpened = await HtmlPage.GetAsync(bob, $"/admin/posts/edit/{id}");
        var bobVersion = bobOpened.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(ann, $"/admin/posts/edit/{id}", "draft", new() { ["Form.Body"] = "Line one.\nAnn's line." })).StatusCode);
        var bobs = await SaveAsync(bob, $"/admin/posts/edit/{id}", "draft", new() { ["Form.Body"] = "Line one.\nBob's line.", ["Form.Version"] = bobVersion });
        Assert.Equal(HttpStatusCode.Conflict, bobs.StatusCode);
        var page = HtmlPage.Parse(await bobs.Content.ReadAsStringAsync());
        Assert.Contains("saved this post after you opened it", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal("Line one.\nBob's line.", page.QuerySelector("#post-body")!.TextContent);
        Assert.Contains("Ann's line.", page.QuerySelector(".diff .diff__del")!.TextContent);
        Assert.Contains("Bob's line.", page.QuerySelector(".diff .diff__ins")!.TextContent);
        Assert.Contains("Ann's line.", (await PostAsync(app, id)).BodySource);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Revisions_compare_as_a_diff_and_an_old_one_comes_back(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var author = await StaffAsync(app, Roles.Author);
        var id = IdFrom(await SaveAsync(author, "/admin/posts/edit", "draft", new() { ["Form.Title"] = "Evolving", ["Form.Body"] = "The first idea." }));
        await SaveAsync(author, $"/admin/posts/edit/{id}", "draft", new() { ["Form.Body"] = "The second idea." });

        var compare = await HtmlPage.GetAsync(author, $"/admin/posts/{id}/revisions");
        Assert.Contains("The first idea.", compare.QuerySelector("ol.diff .diff__del")!.TextContent);
        Assert.Contains("The second idea.", compare.QuerySelector("ol.diff .diff__ins")!.TextContent);
        var oldest = compare.QuerySelectorAll(".revisions__restore form").First().QuerySelector("input[name=revision]")!.GetAttribute("value")!;
        var restored = await StaffClient.SubmitAsync(author, $"/admin/posts/{id}/revisions", $".revisions__restore form:has(input[value='{oldest}'])", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("The first idea.", (await PostAsync(app, id)).BodySource);
        Assert.Equal(3, (await HtmlPage.GetAsync(author, $"/admin/posts/{id}/revisions")).QuerySelectorAll("ol.editor__revisions > li").Length);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_preview_uses_the_public_pipeline_and_autosave_keeps_text_without_touching_the_post(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var author = await StaffAsync(app, Roles.Author);
        var editor = await HtmlPage.GetAsync(author, "/admin/posts/edit");
        var token = editor.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!;
        var preview = await author.PostAsync("/admin/posts/edit?handler=Preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__parley_af"] = token, ["Form.Body"] = "![A cat](/images/demo/workshop.svg \"A caption\")\n\n<script>alert(1)</script>\n\nOne two three.",
        }));
        using (var json = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()))
        {
            var html = json.RootElement.GetProperty("html").GetString()!;
            Assert.Contains("<figcaption>A caption</figcaption>", html);
            Assert.DoesNotContain("<script", html);
            Assert.True(json.RootElement.GetProperty("words").GetInt32() >= 3);
        }

        // A new post's first autosave makes it a draft; later autosaves leave the post alone.
        var first = await author.PostAsync("/admin/posts/edit?handler=Autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__parley_af"] = token, ["Form.Title"] = "", ["Form.Body"] = "Started typing", ["Kind"] = "Post",
        }));
        using var created = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetInt32();
        var post = await PostAsync(app, id);
        Assert.Equal(("Untitled draft", PostStatus.Draft, "Started typing"), (post.Title, post.Status, post.BodySource));

        app.Clock!.Advance(TimeSpan.FromSeconds(5));
        var page = await HtmlPage.GetAsync(author, $"/admin/posts/edit/{id}");
        token = page.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!;
        await author.PostAsync($"/admin/posts/edit/{id}?handler=Autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__parley_af"] = token, ["Form.Title"] = "Kept title", ["Form.Body"] = "Typed, then the tab closed", ["Form.Version"] = post.Version.ToString(),
        }));
        Assert.Equal("Started typing", (await PostAsync(app, id)).BodySource);
        var reopened = await HtmlPage.GetAsync(author, $"/admin/posts/edit/{id}");
        Assert.Contains("You have unsaved changes", reopened.QuerySelector("main")!.TextContent);
        var restored = await HtmlPage.GetAsync(author, $"/admin/posts/edit/{id}?restore=true");
        Assert.Equal("Typed, then the tab closed", restored.QuerySelector("#post-body")!.TextContent);
        Assert.Equal("Kept title", restored.QuerySelector("#post-title")!.GetAttribute("value"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_scheduled_post_goes_live_when_the_clock_passes_its_time(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var author = await StaffAsync(app, Roles.Author);
        var zone = TimeZoneInfo.Utc;
        var when = TimeZoneInfo.ConvertTimeFromUtc(app.Clock!.GetUtcNow().UtcDateTime.AddHours(2), zone).ToString("yyyy-MM-dd'T'HH:mm");
        var saved = await SaveAsync(author, "/admin/posts/edit", "publish", new() { ["Form.Title"] = "Tomorrow's news " + provider, ["Form.Body"] = "Not yet.", ["Form.PublishAt"] = when });
        var id = IdFrom(saved);
        var post = await PostAsync(app, id);
        Assert.Equal(PostStatus.Scheduled, post.Status);
        var path = PostUrls.PathFor(post, zone);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePlainClient().GetAsync(path)).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        // The background publisher runs on the same clock; wait for it, never a fixed sleep.
        for (var i = 0; i < 100 && (await PostAsync(app, id)).Status != PostStatus.Published; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(50);
        }
        Assert.Equal(PostStatus.Published, (await PostAsync(app, id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.CreatePlainClient().GetAsync(path)).StatusCode);
    }
}
