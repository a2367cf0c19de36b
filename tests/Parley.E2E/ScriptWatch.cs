using Microsoft.Playwright;

namespace Parley.E2E;

/// <summary>
/// Watches a page for what an XSS payload would do if it ran: dialogs, calls of alert/confirm/prompt/
/// print (counted before any page script runs), and requests to any host but Parley's own (refused,
/// and recorded). <see cref="ScriptWatchProofTests"/> shows it does see all three on unsanitized markup.
/// </summary>
public sealed class ScriptWatch
{
    private readonly IPage _page;
    private readonly string _allowedOrigin;
    public List<string> Dialogs { get; } = [];
    public List<string> OutsideRequests { get; } = [];

    private ScriptWatch(IPage page, string allowedOrigin) => (_page, _allowedOrigin) = (page, allowedOrigin);

    public static async Task<ScriptWatch> AttachAsync(IPage page, string allowedOrigin)
    {
        var watch = new ScriptWatch(page, allowedOrigin.TrimEnd('/'));
        page.Dialog += async (_, dialog) => { lock (watch.Dialogs) watch.Dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        await page.AddInitScriptAsync("""
            window.__scriptRuns = 0;
            for (const name of ['alert', 'confirm', 'prompt', 'print']) {
              const original = window[name];
              window[name] = function () { window.__scriptRuns++; return original && original.apply(this, arguments); };
            }
            """);
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(watch._allowedOrigin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
                await route.ContinueAsync();
            else
            {
                lock (watch.OutsideRequests) watch.OutsideRequests.Add(url);
                await route.AbortAsync();
            }
        });
        return watch;
    }

    /// <summary>Scrolls, tabs and hovers through the page so focus, hover and lazy-load payloads get their chance.</summary>
    public async Task ProvokeAsync()
    {
        await _page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        for (var i = 0; i < 12; i++) await _page.Keyboard.PressAsync("Tab");
        foreach (var (x, y) in new[] { (100, 100), (300, 300), (500, 200) }) await _page.Mouse.MoveAsync(x, y);
        // Payloads on timers or load events fire within a moment; there is no condition to wait for
        // when the expected outcome is that nothing happens, so this one wait is a fixed, short one.
        await _page.WaitForTimeoutAsync(400);
    }

    public Task<int> ScriptRunsAsync() => _page.EvaluateAsync<int>("() => window.__scriptRuns || 0");

    public async Task AssertNothingRanAsync(string where)
    {
        await ProvokeAsync();
        Assert.True(await ScriptRunsAsync() == 0, $"Script ran on {where}");
        Assert.True(Dialogs.Count == 0, $"Dialogs opened on {where}: {string.Join(" | ", Dialogs.Take(5))}");
        Assert.True(OutsideRequests.Count == 0, $"Requests left the site from {where}: {string.Join(" | ", OutsideRequests.Take(5))}");
    }
}
