using Microsoft.Playwright;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright, against Parley on a real loopback port (SQLite).
/// Playwright's own browser download is not used: it cannot run here and is not needed.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public ParleyApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;
    private readonly string _home = TestFolders.Create("chromium-home");

    /// <summary>Where screenshots and traces are kept: TestResults/e2e at the repository root.</summary>
    public static string ArtifactsPath { get; } = Directory.CreateDirectory(
        Path.Combine(TestData.Root, "..", "..", "TestResults", "e2e")).FullName;

    /// <summary>Give the app a clock the test moves (scheduling journeys).</summary>
    protected virtual bool FakeClock => false;

    public async ValueTask InitializeAsync()
    {
        // Browser journeys post several comments in a row: the per-address limits are lifted here and
        // tested through HTTP in Parley.Web.Tests instead.
        App = await ParleyApp.StartAsync(DatabaseProvider.Sqlite, realServer: true, new Dictionary<string, string?>
        {
            ["Parley:Limits:CommentMinimumSeconds"] = "0",
            ["Parley:Limits:CommentsPerWindow"] = "100000",
        }, FakeClock);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", Path.Combine(_home, "config"));
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(_home, "cache"));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context with tracing on; the test calls <see cref="Session.FinishAsync"/>.</summary>
    public async Task<Session> NewSessionAsync(string name, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        return new Session(name, context, page);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        TestFolders.Delete(_home);
    }
}

/// <summary>One test's browser tab. On failure its trace and a screenshot are kept for whoever looks next.</summary>
public sealed class Session(string name, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    private bool _passed;

    public void Passed() => _passed = true;

    public async ValueTask DisposeAsync()
    {
        if (!_passed)
        {
            try
            {
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, name + ".failure.png"), FullPage = true });
            }
            catch (PlaywrightException) { /* the page may already be gone */ }
            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, name + ".trace.zip") });
        }
        else
        {
            await context.Tracing.StopAsync();
        }
        await context.DisposeAsync();
    }
}
