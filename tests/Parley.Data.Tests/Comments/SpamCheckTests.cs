using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Data.Tests.Comments;

/// <summary>The Akismet-compatible hook against a fake service on loopback: spam goes to spam, failures to the queue.</summary>
public sealed class SpamCheckTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_service_decides_spam_and_a_failing_or_slow_service_sends_comments_to_the_queue(DatabaseProvider provider)
    {
        await using var akismet = await FakeAkismet.StartAsync();
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(new PostInput { Title = "P", Body = "x", Status = PostStatus.Published }, author));
        await db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().SaveAsync(s =>
        {
            s.CommentModeration = ModerationPolicy.PublishAll;
            (s.SpamCheckEnabled, s.SpamCheckEndpoint, s.SpamCheckApiKey) = (true, akismet.Endpoint, "test-key");
        }, DateTime.UtcNow));
        Task<Comment> Post(string body) => db.InScopeAsync(sp => sp.GetRequiredService<CommentService>().PostAsync(
            new CommentInput { PostId = post.Id, Name = "N", Email = "n@example.org", Body = body }, new CommenterContext("203.0.113.5", "agent/1.0", Referrer: "https://ref.example/")));

        Assert.Equal(CommentStatus.Approved, (await Post("A fair point.")).Status);
        Assert.Equal(CommentStatus.Spam, (await Post("buy spam now")).Status);
        Assert.Equal(CommentStatus.Pending, (await Post("the service is broken")).Status);

        var started = DateTime.UtcNow;
        var slow = await Post("a slow answer");
        Assert.Equal(CommentStatus.Pending, slow.Status);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "A slow service held the comment up too long");

        var asked = akismet.Requests[0];
        Assert.Equal("test-key", asked["api_key"]);
        Assert.Equal("203.0.113.5", asked["user_ip"]);
        Assert.Equal("agent/1.0", asked["user_agent"]);
        Assert.Equal("https://ref.example/", asked["referrer"]);
        Assert.Equal("A fair point.", asked["comment_content"]);
        Assert.StartsWith("http://localhost/20", asked["permalink"]);
    }
}
