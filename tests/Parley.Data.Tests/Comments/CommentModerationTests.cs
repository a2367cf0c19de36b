using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Data.Tests.Comments;

public sealed class CommentModerationTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Actions_move_comments_between_lists_keep_counts_exact_and_deleting_keeps_replies(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(new PostInput { Title = "P", Body = "x", Status = PostStatus.Published }, author));
        await db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().SaveAsync(s => s.CommentModeration = ModerationPolicy.PublishAll, DateTime.UtcNow));
        Task<Comment> Post(string body, int? parent = null) => db.InScopeAsync(sp => sp.GetRequiredService<CommentService>().PostAsync(
            new CommentInput { PostId = post.Id, ParentId = parent, Name = "N", Email = "n@example.org", Body = body }, new CommenterContext(null, null)));
        var top = await Post("top");
        var middle = await Post("middle", top.Id);
        var leaf = await Post("leaf", middle.Id);
        var scope = new ModeratorScope(author, AllPosts: true);
        Task<int> Apply(ModerationAction action, params int[] ids) => db.InScopeAsync(sp => sp.GetRequiredService<CommentModeration>().ApplyAsync(scope, ids, action));
        async Task<int> Count() { await using var c = db.NewContext(); return (await c.Posts.SingleAsync()).CommentCount; }

        Assert.Equal(3, await Count());
        Assert.Equal(1, await Apply(ModerationAction.Trash, middle.Id));
        Assert.Equal(2, await Count());
        Assert.Equal(0, await Apply(ModerationAction.Trash, middle.Id)); // already there: nothing to record
        Assert.Equal(0, await Apply(ModerationAction.Delete, top.Id)); // only spam and trash can be deleted for good
        Assert.Equal(1, await Apply(ModerationAction.Delete, middle.Id));

        await using var context = db.NewContext();
        var moved = await context.Comments.SingleAsync(c => c.Id == leaf.Id);
        Assert.Equal(top.Id, moved.ParentId);
        Assert.Equal(1, moved.Depth);
        Assert.Equal(2, await Count());
        var history = await db.InScopeAsync(sp => sp.GetRequiredService<CommentModeration>().HistoryAsync(middle.Id));
        Assert.Equal([ModerationAction.Delete, ModerationAction.Trash], history.Select(h => h.Action));
        Assert.All(history, h => Assert.Equal(author, h.ModeratorId));
    }
}

public sealed class OwnCommentTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Own_comments_can_be_changed_for_fifteen_minutes_then_no_longer(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(new PostInput { Title = "P", Body = "x", Status = PostStatus.Published }, author));
        await db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().SaveAsync(s => s.CommentModeration = ModerationPolicy.PublishAll, DateTime.UtcNow));
        var comment = await db.InScopeAsync(sp => sp.GetRequiredService<CommentService>().PostAsync(
            new CommentInput { PostId = post.Id, Name = "N", Email = "n@example.org", Body = "first" }, new CommenterContext(null, null)));

        db.Clock.Advance(TimeSpan.FromMinutes(14));
        var edited = await db.InScopeAsync(sp => sp.GetRequiredService<CommentService>().EditOwnAsync(comment.Id, "second https://a.example https://b.example https://c.example"));
        Assert.Equal(CommentStatus.Pending, edited.Status); // the edit added too many links: back to the queue
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, edited.EditedAt);

        db.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await Assert.ThrowsAsync<Parley.Core.ValidationFailedException>(() =>
            db.InScopeAsync(sp => sp.GetRequiredService<CommentService>().EditOwnAsync(comment.Id, "third")));
        Assert.Contains("15 minutes", late.Errors["Body"][0]);
        await Assert.ThrowsAsync<Parley.Core.ValidationFailedException>(() => db.InScopeAsync(sp => sp.GetRequiredService<CommentService>().DeleteOwnAsync(comment.Id)));
    }
}
