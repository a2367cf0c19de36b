using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>"Leave a Reply" through the real HTTP pipeline without JavaScript, on both databases.</summary>
public sealed class CommentPostingTests(CommentApps apps) : IClassFixture<CommentApps>
{
    private const string LibraryPost = "/2026/11/should-the-library-stay-open-until-ten";

    private async Task<(ParleyApp App, HttpClient Client)> Reader(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        return (app, app.CreatePlainClient());
    }

    private static async Task<Comment> Stored(ParleyApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Comments.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private static async Task Approve(ParleyApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var adminId = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<CommentModeration>().ApplyAsync(new ModeratorScope(adminId, true), [id], ModerationAction.Approve);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_guest_posts_sees_it_awaiting_moderation_and_no_one_else_sees_it(DatabaseProvider provider)
    {
        var (app, reader) = await Reader(provider);
        var page = await HtmlPage.GetAsync(reader, LibraryPost);
        Assert.Equal("Leave a Reply", page.QuerySelector("#reply-title")!.TextContent.Trim());
        Assert.Equal("Would you use a library at 9 pm — and what would you give up to pay for it?", page.QuerySelector(".reader-question__text")!.TextContent);

        var id = await CommentPoster.PostOkAsync(reader, LibraryPost, CommentPoster.Guest($"First thoughts from {provider}", email: $"first-{provider}@example.org"));
        var stored = await Stored(app, id);
        Assert.Equal(CommentStatus.Pending, stored.Status);

        var own = await HtmlPage.GetAsync(reader, LibraryPost);
        var mine = own.QuerySelector($"#comment-{id}")!;
        Assert.Contains("awaiting moderation", mine.TextContent);
        Assert.Contains($"First thoughts from {provider}", mine.TextContent);

        var stranger = await HtmlPage.GetAsync(app.CreatePlainClient(), LibraryPost);
        Assert.Null(stranger.QuerySelector($"#comment-{id}"));

        await Approve(app, id);
        var later = await HtmlPage.GetAsync(app.CreatePlainClient(), LibraryPost);
        Assert.DoesNotContain("awaiting moderation", later.QuerySelector($"#comment-{id}")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Replies_appear_under_their_comment_and_the_form_moves_there(DatabaseProvider provider)
    {
        var (app, reader) = await Reader(provider);
        var parent = await CommentPoster.PostOkAsync(reader, LibraryPost, CommentPoster.Guest($"Parent {provider}", email: $"parent-{provider}@example.org"));
        await Approve(app, parent);

        var form = await HtmlPage.GetAsync(reader, $"{LibraryPost}?replytocom={parent}");
        Assert.NotNull(form.QuerySelector($"#comment-{parent} #respond form.comment-form"));
        Assert.StartsWith("Reply to Guest Reader", form.QuerySelector("#reply-title")!.TextContent.Trim());

        var reply = await CommentPoster.PostOkAsync(reader, LibraryPost, CommentPoster.Guest($"Reply {provider}", email: $"parent-{provider}@example.org"), replyTo: parent);
        var page = await HtmlPage.GetAsync(app.CreatePlainClient(), LibraryPost);
        Assert.NotNull(page.QuerySelector($"#comment-{parent} > .comment-replies > #comment-{reply}"));
        Assert.Equal(CommentStatus.Approved, (await Stored(app, reply)).Status); // a known commenter skips the hold
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Bad_fields_come_back_with_messages_and_everything_typed(DatabaseProvider provider)
    {
        var (_, reader) = await Reader(provider);
        var text = $"A long thought I would hate to lose ({provider})";
        var posted = await CommentPoster.PostAsync(reader, LibraryPost, new Dictionary<string, string>
        {
            ["Name"] = "<b>Mallory</b>", ["Email"] = "not-an-email", ["Website"] = "javascript:alert(1)", ["Body"] = text,
        });
        Assert.Equal(HttpStatusCode.BadRequest, posted.Response.StatusCode);
        var page = posted.Page!;
        Assert.Equal(text, page.QuerySelector("#comment-body")!.TextContent);
        Assert.Equal("<b>Mallory</b>", page.QuerySelector("#comment-name")!.GetAttribute("value"));
        Assert.Equal("That does not look like an email address.", page.QuerySelector("#comment-email-error")!.TextContent);
        Assert.Contains("http or https", page.QuerySelector("#comment-website-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#comment-email")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector(".form-errors[role=alert]"));
        Assert.DoesNotContain("<b>Mallory</b>", posted.Body); // encoded, never raw
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_post_without_the_anti_forgery_token_is_refused_but_keeps_the_text(DatabaseProvider provider)
    {
        var (app, reader) = await Reader(provider);
        var text = $"Forged? {provider} {Guid.NewGuid()}";
        var posted = await CommentPoster.PostAsync(reader, LibraryPost, CommentPoster.Guest(text), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, posted.Response.StatusCode);
        Assert.Equal(text, posted.Page!.QuerySelector("#comment-body")!.TextContent);
        Assert.Contains("expired", posted.Page.QuerySelector(".form-errors")!.TextContent);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Comments.AnyAsync(c => c.BodySource == text));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_filled_honeypot_is_refused(DatabaseProvider provider)
    {
        var (app, reader) = await Reader(provider);
        var text = $"Bot text {provider} {Guid.NewGuid()}";
        var fields = CommentPoster.Guest(text);
        fields["Company"] = "Spam Inc";
        var posted = await CommentPoster.PostAsync(reader, LibraryPost, fields);
        Assert.Equal(HttpStatusCode.BadRequest, posted.Response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Comments.AnyAsync(c => c.BodySource == text));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Save_my_details_fills_the_form_next_time(DatabaseProvider provider)
    {
        var (_, reader) = await Reader(provider);
        var fields = CommentPoster.Guest($"Remember me {provider}", name: "Rita Reader", email: $"rita-{provider}@example.org");
        fields["Website"] = "rita.example.com";
        fields["Remember"] = "true";
        await CommentPoster.PostOkAsync(reader, LibraryPost, fields);

        var page = await HtmlPage.GetAsync(reader, LibraryPost);
        Assert.Equal("Rita Reader", page.QuerySelector("#comment-name")!.GetAttribute("value"));
        Assert.Equal($"rita-{provider}@example.org".ToLowerInvariant(), page.QuerySelector("#comment-email")!.GetAttribute("value"));
        Assert.Equal("https://rita.example.com/", page.QuerySelector("#comment-website")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("#comment-remember")!.HasAttribute("checked"));
        var stranger = (await apps.GetAsync(provider)).CreatePlainClient();
        Assert.Null((await HtmlPage.GetAsync(stranger, LibraryPost)).QuerySelector("#comment-name")!.GetAttribute("value"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Markup_in_every_field_is_shown_as_text(DatabaseProvider provider)
    {
        var (app, reader) = await Reader(provider);
        var id = await CommentPoster.PostOkAsync(reader, LibraryPost, new Dictionary<string, string>
        {
            ["Name"] = "<img src=x onerror=alert(1)>", ["Email"] = $"xss-{provider}@example.org",
            ["Website"] = "https://example.com/\"onmouseover=\"alert(1)", ["Body"] = "<script>alert(1)</script> **bold**",
        });
        await Approve(app, id);
        var response = await app.CreatePlainClient().GetStringAsync(LibraryPost);
        var comment = HtmlPage.Parse(response).QuerySelector($"#comment-{id}")!;
        // What the reader wrote (name, website, text) is checked; Parley's own like/report forms around it are not.
        HtmlAssert.Inert(comment.QuerySelector(".comment__meta")!.OuterHtml + comment.QuerySelector(".comment__text")!.OuterHtml, "comment fields");
        Assert.Contains("<img src=x onerror=alert(1)>", comment.QuerySelector(".comment__author")!.TextContent);
        Assert.Equal("bold", comment.QuerySelector(".comment__text strong")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Listings_count_approved_comments(DatabaseProvider provider)
    {
        var (app, reader) = await Reader(provider);
        var id = await CommentPoster.PostOkAsync(reader, LibraryPost, CommentPoster.Guest($"Counted {provider}", email: $"count-{provider}@example.org"));
        await Approve(app, id);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var comments = scope.ServiceProvider.GetRequiredService<CommentService>();
            // A trusted follow-up goes through the service, which recounts and moves the content version.
            await comments.PostAsync(new CommentInput { PostId = (await Stored(app, id)).PostId, Name = "Guest Reader", Email = $"count-{provider}@example.org", Body = "again " + provider },
                new CommenterContext("127.0.0.1", null));
        }
        var home = await HtmlPage.GetAsync(app.CreatePlainClient(), "/");
        var card = home.QuerySelectorAll(".post-card").Single(c => c.QuerySelector($"a[href='{LibraryPost}']") is not null);
        Assert.Matches(@"\d+ comments?", card.QuerySelector($"a[href='{LibraryPost}#comments']")!.TextContent);
    }
}
