using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parley.Core;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.E2E.Comments;

/// <summary>
/// Every payload of the public XSS corpora goes in through a comment's body, name and website, and is
/// shown on the post page, in the moderation queue and in the comment feed in Chromium: nothing runs.
/// </summary>
public sealed class HostileCommentTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task No_payload_in_any_comment_field_runs_on_the_post_page_the_queue_or_the_feed()
    {
        var app = browser.App;
        string postPath;
        int stored = 0;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var admin = await sp.GetRequiredService<ParleyDbContext>().Users.SingleAsync(u => u.Email == ParleyApp.AdminEmail);
            var post = await sp.GetRequiredService<PostService>().CreateAsync(new PostInput { Title = "Hostile comments", Body = "Comments below.", Status = PostStatus.Published }, admin.Id);
            postPath = PostUrls.PathFor(post, TimeZoneInfo.Utc);
            var comments = sp.GetRequiredService<CommentService>();
            var n = 0;
            foreach (var file in new[] { "xss/dompurify-payloads.txt", "xss/h5sc-payloads-substituted.txt", "xss/owasp-xss-filter-evasion-codeblocks.txt" })
            foreach (var payload in TestData.JsonLines(file))
            {
                n++;
                var name = payload.Length > CommentLimits.Name ? payload[..CommentLimits.Name] : payload;
                var input = new CommentInput { PostId = post.Id, Name = name, Email = $"x{n}@example.org", Website = payload, Body = payload + $" #{n}" };
                try { await comments.PostAsync(input, new CommenterContext("127.0.0.1", payload)); }
                catch (ValidationFailedException ex) when (ex.Errors.ContainsKey("Website") || ex.Errors.ContainsKey("Name") || ex.Errors.ContainsKey("Body"))
                {
                    // The website field takes only http(s) addresses; the payload still goes through name and body.
                    try { await comments.PostAsync(input with { Website = null, Name = string.IsNullOrWhiteSpace(name) ? "x" : name }, new CommenterContext("127.0.0.1", null)); }
                    catch (ValidationFailedException) { continue; }
                }
                stored++;
            }
            Assert.True(stored > 400, $"Only {stored} hostile comments were stored");
        }

        await using var session = await browser.NewSessionAsync(nameof(No_payload_in_any_comment_field_runs_on_the_post_page_the_queue_or_the_feed));
        var page = session.Page;
        var watch = await ScriptWatch.AttachAsync(page, app.BaseAddress);

        // The queue: every page of held comments, as a moderator sees them.
        await StaffSignIn.SignInAsync(page, app.BaseAddress, "/admin/comments");
        for (var pageNumber = 1; ; pageNumber++)
        {
            await page.GotoAsync($"{app.BaseAddress}/admin/comments?q=%23&page={pageNumber}");
            await watch.AssertNothingRanAsync($"the moderation queue, page {pageNumber}");
            if (await page.Locator(".pager a[rel=next]").CountAsync() == 0) break;
        }

        // Approve them all, then read them as the public does.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<ParleyDbContext>();
            var adminId = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();
            var slug = postPath.Split('/')[^1];
            var ids = await db.Comments.Where(c => c.Post!.Slug == slug).Select(c => c.Id).ToListAsync();
            foreach (var chunk in ids.Chunk(400))
                await sp.GetRequiredService<CommentModeration>().ApplyAsync(new ModeratorScope(adminId, true), chunk, ModerationAction.Approve);
        }
        var shown = 0;
        for (var commentPage = 1; ; commentPage++)
        {
            await page.GotoAsync($"{app.BaseAddress}{postPath}?cpage={commentPage}");
            shown += await page.Locator(".comment").CountAsync();
            await watch.AssertNothingRanAsync($"the post page, comments page {commentPage}");
            if (await page.Locator("nav.pager a[rel=next]").CountAsync() == 0) break;
        }
        Assert.True(shown >= stored, $"{shown} of {stored} comments were shown");

        await page.GotoAsync(app.BaseAddress + postPath + "/feed/atom");
        await watch.AssertNothingRanAsync("the comment feed");
        var feed = await page.Context.APIRequest.GetAsync(app.BaseAddress + postPath + "/feed/json");
        using var json = System.Text.Json.JsonDocument.Parse(await feed.TextAsync());
        foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            HtmlAssert.Inert(item.GetProperty("content_html").GetString()!, "comment feed item");
        session.Passed();
    }
}
