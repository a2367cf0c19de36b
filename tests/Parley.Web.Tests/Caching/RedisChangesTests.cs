using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Testing;
using Parley.Web.Caching;

namespace Parley.Web.Tests.Caching;

/// <summary>
/// Two Parley processes serving one site through PostgreSQL and Redis keep their pages as exact as one process:
/// a change made through one drops, on the other, exactly the pages that show it; a Redis outage stops neither
/// pages nor comments, and bounds how long a stale page can be served.
/// </summary>
public sealed class RedisChangesTests(TwoProcesses site) : IClassFixture<TwoProcesses>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_comment_approved_through_one_process_drops_exactly_that_post_on_the_other()
    {
        var (a, b) = await site.GetAsync();
        await HearingAsync(a, b);
        var (post, other) = await TwoPostsAsync(a);
        var visitor = b.CreatePlainClient();
        foreach (var url in new[] { post, other })
        {
            await Get(visitor, url);
            Assert.Equal("hit", (await Get(visitor, url)).Cache);
        }

        var words = "Heard across processes " + Guid.NewGuid().ToString("N")[..8];
        var id = await CommentPoster.PostOkAsync(a.CreatePlainClient(), post, CommentPoster.Guest(words, name: "Rhea Remote", email: Unique()));
        var held = await Get(visitor, post);
        Assert.Equal("hit", held.Cache); // held for moderation: nothing public changed
        Assert.DoesNotContain(words, held.Body);

        await ApproveAsync(a, id);
        var shown = await UntilAsync(() => Get(visitor, post), page => page.Body.Contains(words), "B to show the comment approved through A");
        Assert.Equal("miss", shown.Cache);
        Assert.Equal("hit", (await Get(visitor, post)).Cache);
        var kept = await Get(visitor, other);
        Assert.True(kept.Cache == "hit", $"{other} was dropped on B, but it does not show that discussion");
    }

    [Fact]
    public async Task A_new_site_title_saved_through_one_process_shows_on_the_other()
    {
        var (a, b) = await site.GetAsync();
        await HearingAsync(a, b);
        var admin = await StaffClient.SignInAsync(a);
        var visitor = b.CreatePlainClient();
        await Get(visitor, "/");
        Assert.Equal("hit", (await Get(visitor, "/")).Cache);
        // B has just read the settings into memory (a search page is never kept), so it would render the old title
        // again, and keep that page, unless the change heard from A dropped them too.
        Assert.Equal(HttpStatusCode.OK, (await Get(visitor, "/search?q=river")).Status);

        var title = "Two Processes Gazette " + Guid.NewGuid().ToString("N")[..6];
        var saved = await StaffClient.SubmitAsync(admin, "/admin/settings/general", "form.admin-form", new Dictionary<string, string> { ["Form.Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = await UntilAsync(() => Get(visitor, "/"), page => page.Body.Contains(title), "B's home page to show the title saved through A");
        Assert.Equal("miss", home.Cache);
        Assert.Contains(title, HtmlPage.Parse((await Get(visitor, "/search?q=river")).Body).Title);
    }

    [Fact]
    public async Task Without_redis_both_processes_serve_and_take_comments_and_stale_pages_last_seconds()
    {
        var (a, b) = await site.GetAsync();
        await HearingAsync(a, b);
        var (post, other) = await TwoPostsAsync(a);
        var visitor = b.CreatePlainClient();
        await Get(visitor, post);
        Assert.Equal("hit", (await Get(visitor, post)).Cache);

        site.Link.Cut();
        try
        {
            await UntilAsync(() => Task.FromResult(!Hears(a) && !Hears(b)), hearing => hearing, "both processes to notice Redis is gone");
            var reader = a.CreatePlainClient();
            Assert.Equal(HttpStatusCode.OK, (await Get(reader, "/")).Status);
            var words = "Written while Redis was away " + Guid.NewGuid().ToString("N")[..8];
            var id = await CommentPoster.PostOkAsync(reader, post, CommentPoster.Guest(words, name: "Otto Outage", email: Unique()));
            await ApproveAsync(a, id);
            Assert.Contains(words, (await Get(a.CreatePlainClient(), post)).Body);

            // B hears nothing, but drops what it keeps every DisconnectedMaxSeconds: the comment shows within seconds.
            var clock = Stopwatch.StartNew();
            var stale = await UntilAsync(() => Get(visitor, post), page => page.Status != HttpStatusCode.OK || page.Body.Contains(words),
                "B to show the comment made through A while Redis was away");
            Assert.Equal(HttpStatusCode.OK, stale.Status);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(TwoProcesses.DisconnectedMaxSeconds + 10), $"B served the stale page for {clock.Elapsed}");
            Assert.Contains(a.Log.Lines, line => line.Contains("cannot be reached", StringComparison.Ordinal));
        }
        finally
        {
            site.Link.Mend();
        }

        // Back: B hears A's changes again, exactly.
        await HearingAsync(a, b);
        await UntilAsync(() => Get(visitor, other), page => page.Cache == "hit", "B to keep the other post again");
        var later = "After Redis came back " + Guid.NewGuid().ToString("N")[..8];
        var again = await CommentPoster.PostOkAsync(a.CreatePlainClient(), other, CommentPoster.Guest(later, name: "Rita Return", email: Unique()));
        await ApproveAsync(a, again);
        var shown = await UntilAsync(() => Get(visitor, other), page => page.Body.Contains(later), "B to show a comment approved through A after Redis came back");
        Assert.Equal("miss", shown.Cache);
    }

    [Fact]
    public async Task A_change_made_through_a_process_cut_off_from_redis_reaches_the_others_when_it_is_back()
    {
        var (a, b) = await site.GetAsync();
        using var link = new NetworkLink(TestRedis.Address);
        await using var c = ParleyApp.StartAnotherProcess(a, TwoProcesses.Settings(link.Address, site.Channel));
        await HearingAsync(a, b, c);
        var (post, _) = await TwoPostsAsync(a);
        var visitor = b.CreatePlainClient();
        await UntilAsync(() => Get(visitor, post), page => page.Cache == "hit", "B to keep the post");

        link.Cut();
        await UntilAsync(() => Task.FromResult(Hears(c)), hearing => !hearing, "C to notice Redis is gone");
        var words = "Said while cut off " + Guid.NewGuid().ToString("N")[..8];
        var id = await CommentPoster.PostOkAsync(c.CreatePlainClient(), post, CommentPoster.Guest(words, name: "Cleo Cutoff", email: Unique()));
        await ApproveAsync(c, id);
        var stale = await Get(visitor, post);
        Assert.Equal("hit", stale.Cache); // B still hears Redis, where C's change never arrived
        Assert.DoesNotContain(words, stale.Body);

        link.Mend();
        await HearingAsync(c);
        await UntilAsync(() => Get(visitor, post), page => page.Body.Contains(words), "B to hear, once C is back, that everything changed");
    }

    [Fact]
    public async Task A_process_whose_redis_is_unreachable_at_start_serves_pages_and_never_logs_the_password()
    {
        var (a, _) = await site.GetAsync();
        using var nowhere = new NetworkLink(TestRedis.Address);
        nowhere.Cut();
        const string secret = "Pa55-not-for-logs";
        await using var c = ParleyApp.StartAnotherProcess(a, TwoProcesses.Settings(nowhere.Address + ",user=default,password=" + secret));
        var visitor = c.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await Get(visitor, "/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get(visitor, "/")).Status);
        await UntilAsync(() => Task.FromResult(c.Log.Lines.Any(l => l.Contains("cannot be reached", StringComparison.Ordinal))), logged => logged,
            "a warning that Redis cannot be reached");
        Assert.False(Hears(c));
        Assert.DoesNotContain(c.Log.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        // When Redis answers (its default user takes any password), the process subscribes and hears the channel after all.
        nowhere.Mend();
        await HearingAsync(c);

        // A configuration string that is not one stops the start, without repeating what it holds.
        var settings = TwoProcesses.Settings(nowhere.Address + ",password=" + secret + ",notakeyword=1");
        var refused = Assert.ThrowsAny<Exception>(() => ParleyApp.StartAnotherProcess(a, settings));
        Assert.Contains("Parley:Redis:Configuration", refused.ToString());
        Assert.DoesNotContain(secret, refused.ToString());
    }

    private static bool Hears(ParleyApp app) => app.Services.GetRequiredService<RedisChanges>().IsHearing;

    private static Task HearingAsync(params ParleyApp[] apps) =>
        UntilAsync(() => Task.FromResult(apps.All(Hears)), hearing => hearing, "every process to hear the others over Redis");

    private static string Unique() => $"r-{Guid.NewGuid():N}@example.org";

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            await Task.Delay(50);
        }
    }

    private static async Task<(HttpStatusCode Status, string? Cache, string Body)> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var cache = response.Headers.TryGetValues("Parley-Cache", out var values) ? values.Single() : null;
        return (response.StatusCode, cache, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Two published posts open for comments whose pages show no discussion but their own.</summary>
    private static async Task<(string Post, string Other)> TwoPostsAsync(ParleyApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var zone = SiteTime.Zone(await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync());
        var posts = await db.Posts.AsNoTracking().Where(p => p.Kind == PostKind.Post && p.Status == PostStatus.Published && p.CommentsOpen)
            .OrderBy(p => p.Id).Take(2).ToListAsync();
        return (PostUrls.PathFor(posts[0], zone), PostUrls.PathFor(posts[1], zone));
    }

    private static async Task ApproveAsync(ParleyApp app, int commentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var adminId = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CommentModeration>().ApplyAsync(new ModeratorScope(adminId, true), [commentId], ModerationAction.Approve));
    }
}
