using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Data.Tests.Comments;

/// <summary>The rules for a new comment, on both databases.</summary>
public sealed class CommentServiceTests
{
    private static readonly CommenterContext Guest = new("198.51.100.7", "test-agent");

    private sealed class Site(TestDatabase db, int postId) : IAsyncDisposable
    {
        public TestDatabase Db => db;
        public int PostId => postId;

        public Task<Comment> PostAsync(string body, string email = "ann@example.org", int? parentId = null, int? post = null, CommenterContext? who = null) =>
            db.InScopeAsync(sp => sp.GetRequiredService<CommentService>().PostAsync(
                new CommentInput { PostId = post ?? postId, ParentId = parentId, Name = "Ann", Email = email, Body = body }, who ?? Guest));

        public Task SettingsAsync(Action<SiteSettings> change) =>
            db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().SaveAsync(change, db.Clock.GetUtcNow().UtcDateTime));

        public async Task ApproveAsync(int id)
        {
            await using var context = db.NewContext();
            await context.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved));
        }

        public async Task<int> PostAsync(PostInput input) =>
            (await db.InScopeAsync(async sp => await sp.GetRequiredService<PostService>().CreateAsync(input, await db.AddAuthorAsync("Other " + Guid.NewGuid())))).Id;

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }

    private static async Task<Site> SetUp(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().EnsureCreatedAsync(db.Clock.GetUtcNow().UtcDateTime));
        var author = await db.AddAuthorAsync();
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(
            new PostInput { Title = "Discuss", Body = "Text", Status = PostStatus.Published }, author));
        return new Site(db, post.Id);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_first_comment_waits_and_once_one_is_approved_the_next_appear_at_once(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        var first = await site.PostAsync("First words");
        Assert.Equal(CommentStatus.Pending, first.Status);
        Assert.Equal("<p>First words</p>", first.BodyHtml.Trim());
        Assert.Equal(CommentStatus.Pending, (await site.PostAsync("Still waiting")).Status);

        await site.Db.InScopeAsync(sp => sp.GetRequiredService<CommentModeration>().ApplyAsync(new ModeratorScope("moderator", AllPosts: true), [first.Id], ModerationAction.Approve));
        Assert.Equal(CommentStatus.Approved, (await site.PostAsync("Now trusted")).Status);
        Assert.Equal(CommentStatus.Pending, (await site.PostAsync("Someone new", email: "bob@example.org")).Status);

        await using var context = site.Db.NewContext();
        // The approval recounted the post; the published comment added one.
        Assert.Equal(2, (await context.Posts.SingleAsync()).CommentCount);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Comments_posted_at_the_same_time_are_all_counted(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        await site.SettingsAsync(s => s.CommentModeration = ModerationPolicy.PublishAll);

        // Each comment is one transaction; a recount that read an older snapshot would lose a neighbour's comment.
        await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(() => site.PostAsync($"Said at once, number {i}", $"reader{i}@example.org"))));

        await using var context = site.Db.NewContext();
        Assert.Equal(12, await context.Comments.CountAsync(c => c.Status == CommentStatus.Approved));
        Assert.Equal(12, (await context.Posts.SingleAsync()).CommentCount);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_page_cache_hears_of_a_comment_only_when_others_can_read_it(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        await site.SettingsAsync(s => s.CommentModeration = ModerationPolicy.PublishAll);
        var seenWhenTold = new List<int>();
        site.Db.Services.GetRequiredService<ContentChanges>().Subscribe(change =>
        {
            // What a page rendered at this moment would show: read on another connection.
            using var other = site.Db.NewContext();
            seenWhenTold.Add(other.Posts.Single().CommentCount);
        });

        await site.PostAsync("Visible as soon as it is announced");

        Assert.Equal([1], seenWhenTold);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_owners_policy_and_lists_decide_what_waits(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        await site.SettingsAsync(s => s.CommentModeration = ModerationPolicy.PublishAll);
        Assert.Equal(CommentStatus.Approved, (await site.PostAsync("Fine")).Status);
        Assert.Equal(CommentStatus.Pending, (await site.PostAsync("https://a.example https://b.example https://c.example")).Status);

        await site.SettingsAsync(s => s.CommentModerationList = "casino\n203.0.113.");
        Assert.Equal(CommentStatus.Pending, (await site.PostAsync("Try the CASINO")).Status);
        Assert.Equal(CommentStatus.Pending, (await site.PostAsync("From a listed address", who: new CommenterContext("203.0.113.9", null))).Status);

        await site.SettingsAsync(s => s.CommentBlockList = "pills");
        await Assert.ThrowsAsync<CommentRejectedException>(() => site.PostAsync("cheap pills here"));

        await site.SettingsAsync(s => s.CommentModeration = ModerationPolicy.HoldAll);
        Assert.Equal(CommentStatus.Pending, (await site.PostAsync("Even this")).Status);

        await using var context = site.Db.NewContext();
        Assert.DoesNotContain(await context.Comments.Select(c => c.BodySource).ToListAsync(), b => b.Contains("pills"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Replies_nest_until_the_deepest_level_then_attach_to_it(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        await site.SettingsAsync(s => { s.CommentModeration = ModerationPolicy.PublishAll; s.CommentThreadDepth = 3; });
        var top = await site.PostAsync("top");
        var second = await site.PostAsync("level 1", parentId: top.Id);
        var third = await site.PostAsync("level 2", parentId: second.Id);
        var fourth = await site.PostAsync("would be level 3", parentId: third.Id);
        Assert.Equal([0, 1, 2, 2], new[] { top.Depth, second.Depth, third.Depth, fourth.Depth });
        Assert.Equal(second.Id, fourth.ParentId);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_reply_must_answer_a_visible_comment_of_the_same_post(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        var held = await site.PostAsync("held one");
        var otherPost = await site.PostAsync(new PostInput { Title = "Other", Body = "x", Status = PostStatus.Published });
        await site.SettingsAsync(s => s.CommentModeration = ModerationPolicy.PublishAll);
        var elsewhere = await site.PostAsync("on the other post", post: otherPost);

        foreach (var parent in new[] { held.Id, elsewhere.Id, 999_999, -1 })
        {
            var error = await Assert.ThrowsAsync<ValidationFailedException>(() => site.PostAsync("reply " + parent, parentId: parent));
            Assert.Contains("not there any more", error.Errors["ParentId"][0]);
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Closed_drafted_and_missing_posts_take_no_comments(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        var closed = await site.PostAsync(new PostInput { Title = "Closed", Body = "x", Status = PostStatus.Published, CommentsOpen = false });
        var draft = await site.PostAsync(new PostInput { Title = "Draft", Body = "x", Status = PostStatus.Draft });

        Assert.Contains("closed", (await Assert.ThrowsAsync<ValidationFailedException>(() => site.PostAsync("hi", post: closed))).Errors["Body"][0]);
        await Assert.ThrowsAsync<NotFoundException>(() => site.PostAsync("hi", post: draft));
        await Assert.ThrowsAsync<NotFoundException>(() => site.PostAsync("hi", post: 424242));

        // A post's own limit wins over the site's.
        var shortLived = await site.PostAsync(new PostInput { Title = "Short", Body = "x", Status = PostStatus.Published, CommentsCloseAfterDays = 2 });
        await site.SettingsAsync(s => s.CommentsCloseAfterDays = 7);
        site.Db.Clock.Advance(TimeSpan.FromDays(3));
        await Assert.ThrowsAsync<ValidationFailedException>(() => site.PostAsync("late for this one", post: shortLived));
        Assert.Equal(CommentStatus.Pending, (await site.PostAsync("still open here")).Status);
        site.Db.Clock.Advance(TimeSpan.FromDays(5));
        await Assert.ThrowsAsync<ValidationFailedException>(() => site.PostAsync("too late"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_same_comment_twice_is_refused_and_nothing_half_saved(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        await site.PostAsync("Said once");
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => site.PostAsync("Said once"));
        Assert.Contains("already posted", error.Errors["Body"][0]);
        await Assert.ThrowsAsync<ValidationFailedException>(() => site.PostAsync("   "));
        await using var context = site.Db.NewContext();
        Assert.Equal(1, await context.Comments.CountAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_thread_shows_approved_comments_and_only_the_readers_own_held_ones(DatabaseProvider provider)
    {
        await using var site = await SetUp(provider);
        var held = await site.PostAsync("mine, held");
        var other = await site.PostAsync("someone else's, held", email: "bob@example.org");
        await site.ApproveAsync(held.Id);
        var approved = held;
        var mine = await site.PostAsync("mine again"); // trusted now
        var reply = await site.PostAsync("a reply", parentId: approved.Id);

        var thread = await site.Db.InScopeAsync(sp => sp.GetRequiredService<CommentQueries>()
            .ThreadAsync(site.PostId, "nobody", [], CommentOrder.Oldest));
        Assert.Equal([approved.Id, mine.Id], thread.Select(c => c.Id));
        Assert.Equal(reply.Id, thread[0].Replies.Single().Id);

        var withOwn = await site.Db.InScopeAsync(sp => sp.GetRequiredService<CommentQueries>()
            .ThreadAsync(site.PostId, "nobody", [other.Id], CommentOrder.Newest));
        Assert.Equal([mine.Id, other.Id, approved.Id], withOwn.Select(c => c.Id)); // newest first
        Assert.True(withOwn.Single(c => c.Id == other.Id).AwaitingModeration);
    }
}
