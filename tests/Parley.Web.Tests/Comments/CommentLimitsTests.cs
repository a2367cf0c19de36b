using System.Net;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>Bots post faster than people type.</summary>
public sealed class CommentTimingTests(StrictCommentApps apps) : IClassFixture<StrictCommentApps>
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Posting_sooner_than_a_person_could_type_is_refused_with_the_text_kept(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        var posted = await CommentPoster.PostAsync(client, "/2026/11/should-the-library-stay-open-until-ten", CommentPoster.Guest("Too quick"));
        Assert.Equal(HttpStatusCode.BadRequest, posted.Response.StatusCode);
        Assert.Contains("very quick", posted.Page!.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal("Too quick", posted.Page.QuerySelector("#comment-body")!.TextContent);
    }
}

/// <summary>One comment per 15 seconds per address, as WordPress allows.</summary>
public sealed class CommentRateLimitTests(RateLimitedCommentApps apps) : IClassFixture<RateLimitedCommentApps>
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_second_comment_within_the_window_gets_429_with_retry_after_and_keeps_the_text(DatabaseProvider provider)
    {
        var client = (await apps.GetAsync(provider)).CreatePlainClient();
        const string path = "/2026/11/should-the-library-stay-open-until-ten";
        await CommentPoster.PostOkAsync(client, path, CommentPoster.Guest("First, allowed"));
        var second = await CommentPoster.PostAsync(client, path, CommentPoster.Guest("Second, too soon"));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Response.StatusCode);
        var retryAfter = second.Response.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter.TotalSeconds, 1, 15);
        Assert.Contains("faster than this site allows", second.Page!.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal("Second, too soon", second.Page.QuerySelector("#comment-body")!.TextContent);
    }
}
