using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>The moderation queue through HTTP: signed-in staff only, every action recorded.</summary>
public sealed class ModerationQueueTests(CommentApps apps) : IClassFixture<CommentApps>
{
    private const string RiverPost = "/2026/11/two-years-of-river-clean-up-in-four-numbers";

    private static async Task<T> Db<T>(ParleyApp app, Func<ParleyDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ParleyDbContext>());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Strangers_are_sent_to_sign_in_and_wrong_passwords_are_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var anonymous = await app.CreatePlainClient().GetAsync("/admin/comments");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.Headers.Location!.PathAndQuery);

        var client = app.CreatePlainClient();
        var response = await StaffClient.SubmitAsync(client, "/account/signin", "form.auth__form--password",
            new Dictionary<string, string> { ["Email"] = ParleyApp.AdminEmail, ["Password"] = "wrong password" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("do not match", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/comments")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_moderator_approves_a_held_comment_and_readers_see_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var text = $"Please approve me ({provider})";
        var id = await CommentPoster.PostOkAsync(app.CreatePlainClient(), RiverPost, CommentPoster.Guest(text, email: $"queue-{provider}@example.org"));
        var admin = await StaffClient.SignInAsync(app);

        var queue = await HtmlPage.GetAsync(admin, "/admin/comments");
        Assert.Contains(text, queue.QuerySelector($"#c{id}")!.TextContent);
        var approve = await StaffClient.SubmitAsync(admin, "/admin/comments", $"#c{id} .queue__actions form:has(button[value=Approve])",
            new Dictionary<string, string> { ["act"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains("1 comment: approved.", (await HtmlPage.GetAsync(admin, "/admin/comments")).QuerySelector(".notice")!.TextContent);

        var reader = await HtmlPage.GetAsync(app.CreatePlainClient(), RiverPost);
        Assert.Contains(text, reader.QuerySelector($"#comment-{id}")!.TextContent);
        var log = await Db(app, db => db.ModerationLog.Where(e => e.CommentId == id).ToListAsync());
        var entry = Assert.Single(log);
        Assert.Equal(ModerationAction.Approve, entry.Action);
        Assert.Equal(CommentStatus.Pending, entry.FromStatus);
        var adminId = await Db(app, db => db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal(adminId, entry.ModeratorId);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Bulk_actions_search_spam_trash_restore_and_delete(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var reader = app.CreatePlainClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
            ids.Add(await CommentPoster.PostOkAsync(reader, RiverPost, CommentPoster.Guest($"bulk {tag} {i}", email: $"bulk{i}-{tag}@example.org")));
        var admin = await StaffClient.SignInAsync(app);

        var found = await HtmlPage.GetAsync(admin, $"/admin/comments?q={tag}");
        Assert.Equal(3, found.QuerySelectorAll(".queue__item").Length);

        var fields = new List<KeyValuePair<string, string>> { new("act", "Spam"), new("q", tag) };
        fields.AddRange(ids.Take(2).Select(id => new KeyValuePair<string, string>("ids", id.ToString())));
        var token = found.QuerySelector("#bulk input[name=__parley_af]")!.GetAttribute("value")!;
        fields.Add(new("__parley_af", token));
        var bulk = await admin.PostAsync("/admin/comments?handler=Act", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        Assert.Equal(2, (await HtmlPage.GetAsync(admin, $"/admin/comments?status=spam&q={tag}")).QuerySelectorAll(".queue__item").Length);

        await StaffClient.SubmitAsync(admin, $"/admin/comments?status=spam&q={tag}", $"#c{ids[0]} .queue__actions form:has(button[value=Restore])",
            new Dictionary<string, string> { ["act"] = "Restore" });
        await StaffClient.SubmitAsync(admin, $"/admin/comments?status=spam&q={tag}", $"#c{ids[1]} .queue__actions form:has(button[value=Delete])",
            new Dictionary<string, string> { ["act"] = "Delete" });
        Assert.Equal(2, (await HtmlPage.GetAsync(admin, $"/admin/comments?q={tag}")).QuerySelectorAll(".queue__item").Length);
        Assert.False(await Db(app, db => db.Comments.AnyAsync(c => c.Id == ids[1])));
        Assert.Equal(2, await Db(app, db => db.ModerationLog.CountAsync(e => e.CommentId == ids[1])));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_moderator_replies_as_staff_and_the_reply_carries_the_author_badge(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await CommentPoster.PostOkAsync(app.CreatePlainClient(), RiverPost, CommentPoster.Guest($"Question for the author {provider}", email: $"q-{provider}@example.org"));
        var admin = await StaffClient.SignInAsync(app);
        var reply = await StaffClient.SubmitAsync(admin, $"/admin/comments?reply={id}", ".queue__reply",
            new Dictionary<string, string> { ["body"] = "Thanks, **good** question." });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        var page = await HtmlPage.GetAsync(app.CreatePlainClient(), RiverPost);
        var answer = page.QuerySelector($"#comment-{id} .comment-replies .comment--by-author")!;
        Assert.Equal("good", answer.QuerySelector("strong")!.TextContent);
        Assert.Equal("Author", answer.QuerySelector(".badge")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Authors_moderate_only_under_their_own_posts_and_contributors_not_at_all(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var authorId = await StaffClient.CreateAsync(app, $"author-{tag}@example.org", Roles.Author);
        await StaffClient.CreateAsync(app, $"contributor-{tag}@example.org", Roles.Contributor);
        Post own;
        await using (var scope = app.Services.CreateAsyncScope())
            own = await scope.ServiceProvider.GetRequiredService<PostService>().CreateAsync(new PostInput { Title = "Own " + tag, Body = "x", Status = PostStatus.Published }, authorId);
        var ownPath = PostUrls.PathFor(own, TimeZoneInfo.Utc);
        var reader = app.CreatePlainClient();
        var onOwn = await CommentPoster.PostOkAsync(reader, ownPath, CommentPoster.Guest("on own " + tag, email: $"a-{tag}@example.org"));
        var elsewhere = await CommentPoster.PostOkAsync(reader, RiverPost, CommentPoster.Guest("elsewhere " + tag, email: $"b-{tag}@example.org"));

        var author = await StaffClient.SignInAsync(app, $"author-{tag}@example.org", "a long test password");
        var queue = await HtmlPage.GetAsync(author, $"/admin/comments?q={tag}");
        Assert.NotNull(queue.QuerySelector($"#c{onOwn}"));
        Assert.Null(queue.QuerySelector($"#c{elsewhere}"));

        // A forged id outside the author's posts changes nothing.
        var token = queue.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!;
        await author.PostAsync("/admin/comments?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__parley_af"] = token, ["act"] = "Approve", ["ids"] = elsewhere.ToString(),
        }));
        Assert.Equal(CommentStatus.Pending, await Db(app, db => db.Comments.Where(c => c.Id == elsewhere).Select(c => c.Status).SingleAsync()));

        var contributor = await StaffClient.SignInAsync(app, $"contributor-{tag}@example.org", "a long test password");
        var denied = await contributor.GetAsync("/admin/comments");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Moderation_forms_without_a_token_are_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var id = await CommentPoster.PostOkAsync(app.CreatePlainClient(), RiverPost, CommentPoster.Guest($"csrf target {provider}", email: $"csrf-{provider}@example.org"));
        var admin = await StaffClient.SignInAsync(app);
        var forged = await admin.PostAsync("/admin/comments?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string> { ["act"] = "Approve", ["ids"] = id.ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(CommentStatus.Pending, await Db(app, db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }
}
