using Microsoft.Playwright;
using Parley.Testing;

namespace Parley.E2E;

/// <summary>The XSS harness is only worth something if it sees execution: here it must, on raw payloads.</summary>
public sealed class ScriptWatchProofTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_deliberately_unsanitized_page_the_harness_sees_scripts_dialogs_and_requests()
    {
        await using var session = await browser.NewSessionAsync(nameof(On_a_deliberately_unsanitized_page_the_harness_sees_scripts_dialogs_and_requests));
        var page = session.Page;
        var watch = await ScriptWatch.AttachAsync(page, browser.App.BaseAddress);
        // The corpus exactly as attackers write it, without Parley's sanitizer and without its
        // Content-Security-Policy (a blank page has none), so only the harness stands between them.
        await page.GotoAsync("about:blank");
        var payloads = string.Join("\n", TestData.JsonLines("xss/dompurify-payloads.txt").Take(80));
        await page.SetContentAsync("<!doctype html><body>" + payloads + "<img src=x onerror=alert(1)><img src=\"https://tracker.example/p.gif\"></body>");
        await watch.ProvokeAsync();
        Assert.True(await watch.ScriptRunsAsync() > 0 || watch.Dialogs.Count > 0, "The harness saw no script run on raw payloads");
        Assert.NotEmpty(watch.Dialogs);
        Assert.Contains(watch.OutsideRequests, u => u.StartsWith("https://tracker.example/", StringComparison.Ordinal));
        session.Passed();
    }
}
