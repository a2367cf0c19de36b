using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parley.Core.Accounts;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.E2E.Theme;

/// <summary>The public XSS corpora, published as posts and opened in Chromium: no script may run.</summary>
public sealed class HostileContentTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task No_payload_of_the_xss_corpora_runs_in_a_real_browser()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>().FindByEmailAsync(ParleyApp.AdminEmail);
        var posts = scope.ServiceProvider.GetRequiredService<PostService>();
        var paths = new List<string>();
        foreach (var file in new[] { "xss/dompurify-payloads.txt", "xss/h5sc-payloads-substituted.txt", "xss/owasp-xss-filter-evasion-codeblocks.txt" })
        {
            var body = string.Join("\n\n", TestData.JsonLines(file));
            var post = await posts.CreateAsync(new PostInput { Title = "Hostile " + file, Body = body, Status = PostStatus.Published }, admin!.Id);
            paths.Add(PostUrls.PathFor(post, TimeZoneInfo.Utc));
        }

        await using var session = await browser.NewSessionAsync(nameof(No_payload_of_the_xss_corpora_runs_in_a_real_browser));
        var page = session.Page;
        var watch = await ScriptWatch.AttachAsync(page, browser.App.BaseAddress);
        foreach (var path in paths)
        {
            await page.GotoAsync(browser.App.BaseAddress + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await Assertions.Expect(page.Locator("h1#post-title")).ToContainTextAsync("Hostile");
            await watch.AssertNothingRanAsync(path);
        }
        session.Passed();
    }
}
