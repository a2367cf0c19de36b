using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>What readers do with comments after posting: like, report, edit, delete; and what the owner pins.</summary>
public sealed class CommentActionsTests(CommentApps apps) : IClassFixture<CommentApps>
{
    private const string TimetablePost = "/2026/11/the-new-train-timetable-is-worse-for-most-of-us-on-paper";

    private static Task<HttpResponseMessage> Act(HttpClient client, string handler, int id, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string> { ["commentId"] = id.ToString() };
        foreach (var (k, v) in extra ?? []) fields[k] = v;
        return StaffClient.SubmitAsync(client, TimetablePost, $"#comment-{id} form[action$='handler={handler}']", fields);
    }

    private static async Task<Comment> Stored(ParleyApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Comments.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Each_reader_likes_once_and_a_second_press_takes_it_back(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await app.SeedApprovedCommentAsync(TimetablePost, "Liked", $"liked-{provider}@example.org", $"Like me {Guid.NewGuid()}");
        var first = app.CreatePlainClient();
        Assert.Equal(HttpStatusCode.SeeOther, (await Act(first, "Like", id)).StatusCode);
        await Act(app.CreatePlainClient(), "Like", id);
        Assert.Equal(2, (await Stored(app, id)).LikeCount);
        await Act(first, "Like", id);
        Assert.Equal(1, (await Stored(app, id)).LikeCount);
        var page = await HtmlPage.GetAsync(app.CreatePlainClient(), TimetablePost);
        Assert.Equal("1", page.QuerySelector($"#comment-{id} .comment__likes")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Enough_reports_send_a_comment_back_to_the_queue(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await app.SeedApprovedCommentAsync(TimetablePost, "Rude", $"rude-{provider}@example.org", $"Something rude {Guid.NewGuid()}");
        var reporter = app.CreatePlainClient();
        await Act(reporter, "Report", id);
        await Act(reporter, "Report", id); // the same reader twice counts once
        await Act(app.CreatePlainClient(), "Report", id);
        Assert.Equal(CommentStatus.Approved, (await Stored(app, id)).Status);
        await Act(app.CreatePlainClient(), "Report", id);
        Assert.Equal(CommentStatus.Pending, (await Stored(app, id)).Status);
        Assert.Null((await HtmlPage.GetAsync(app.CreatePlainClient(), TimetablePost)).QuerySelector($"#comment-{id}"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_commenter_edits_and_deletes_their_own_comment_but_nobody_elses(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var author = app.CreatePlainClient();
        var id = await CommentPoster.PostOkAsync(author, TimetablePost, CommentPoster.Guest($"Typo heer {provider}", email: $"editor-{provider}@example.org"));

        var form = await HtmlPage.GetAsync(author, $"{TimetablePost}?edit={id}");
        Assert.Equal($"Typo heer {provider}", form.QuerySelector($"#edit-{id}")!.TextContent);
        Assert.Equal(HttpStatusCode.SeeOther, (await StaffClient.SubmitAsync(author, $"{TimetablePost}?edit={id}", $"#comment-{id} form.comment__edit",
            new Dictionary<string, string> { ["body"] = $"Typo here, **fixed** {provider}" })).StatusCode);
        var edited = await Stored(app, id);
        Assert.Contains("<strong>fixed</strong>", edited.BodyHtml);
        Assert.NotNull(edited.EditedAt);
        Assert.Contains("(edited)", (await HtmlPage.GetAsync(author, TimetablePost)).QuerySelector($"#comment-{id}")!.TextContent);

        // Another reader has no edit or delete buttons, and a forged request changes nothing.
        var stranger = app.CreatePlainClient();
        var other = await HtmlPage.GetAsync(stranger, TimetablePost);
        Assert.Null(other.QuerySelector($"#comment-{id}"));
        var fields = new List<KeyValuePair<string, string>> { new("__parley_af", other.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!), new("commentId", id.ToString()) };
        await FormFields.FillBlanksAsync(stranger, fields);
        var forged = await stranger.PostAsync($"{TimetablePost}?handler=Delete", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.NotEqual(CommentStatus.Trash, (await Stored(app, id)).Status);

        await Act(author, "Delete", id);
        Assert.Equal(CommentStatus.Trash, (await Stored(app, id)).Status);
        Assert.Null((await HtmlPage.GetAsync(author, TimetablePost)).QuerySelector($"#comment-{id}"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Long_threads_are_paged_and_permalinks_find_their_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s => s.CommentsPerPage = 3, DateTime.UtcNow);
        const string post = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";
        var ids = new List<int>();
        for (var i = 0; i < 7; i++) ids.Add(await app.SeedApprovedCommentAsync(post, "Pager", $"pager-{provider}@example.org", $"Paged comment {i} {provider}"));
        try
        {
            var client = app.CreatePlainClient();
            var first = await HtmlPage.GetAsync(client, post);
            Assert.Equal(3, first.QuerySelectorAll(".comment-list > .comment").Length);
            Assert.Equal("?cpage=2#comments", first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));

            var jump = await client.GetAsync($"{post}?comment={ids[6]}");
            Assert.Equal(HttpStatusCode.Redirect, jump.StatusCode);
            Assert.Equal($"{post}?cpage=3#comment-{ids[6]}", jump.Headers.Location!.ToString());
            var third = await HtmlPage.GetAsync(client, $"{post}?cpage=3");
            Assert.NotNull(third.QuerySelector($"#comment-{ids[6]}"));

            var newest = await HtmlPage.GetAsync(client, $"{post}?order=newest");
            Assert.Equal($"comment-{ids[6]}", newest.QuerySelector(".comment-list > .comment")!.Id);
        }
        finally
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s => s.CommentsPerPage = 50, DateTime.UtcNow);
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_pinned_comment_leads_the_thread(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        const string post = "/2026/11/two-years-of-river-clean-up-in-four-numbers";
        await app.SeedApprovedCommentAsync(post, "Early", $"early-{provider}@example.org", $"First in time {provider}");
        var pinned = await app.SeedApprovedCommentAsync(post, "Best", $"best-{provider}@example.org", $"The best answer {provider}");
        var admin = await StaffClient.SignInAsync(app);
        var response = await StaffClient.SubmitAsync(admin, "/admin/comments?status=approved", $"#c{pinned} .queue__actions form:has(button[value=Pin])",
            new Dictionary<string, string> { ["act"] = "Pin" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await HtmlPage.GetAsync(app.CreatePlainClient(), post);
        var top = page.QuerySelector(".comment-list > .comment")!;
        Assert.Equal($"comment-{pinned}", top.Id);
        Assert.Contains("Pinned", top.QuerySelector(".badge--pinned")!.TextContent);
    }
}
