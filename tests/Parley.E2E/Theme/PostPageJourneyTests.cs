using Microsoft.Playwright;

namespace Parley.E2E.Theme;

/// <summary>A reader's journey through the demo site in real Chromium.</summary>
public sealed class PostPageJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private string Url(string path) => browser.App.BaseAddress + path;

    /// <summary>Collects every request that leaves this machine's Parley, and refuses it.</summary>
    private static async Task<List<string>> BlockThirdPartiesAsync(IPage page, string baseAddress)
    {
        var outside = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(baseAddress, StringComparison.Ordinal)) await route.ContinueAsync();
            else
            {
                lock (outside) outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return outside;
    }

    [Fact]
    public async Task A_reader_opens_a_post_sees_its_figures_and_quotes_and_loads_the_video_on_click()
    {
        await using var session = await browser.NewSessionAsync(nameof(A_reader_opens_a_post_sees_its_figures_and_quotes_and_loads_the_video_on_click),
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = session.Page;
        var outside = await BlockThirdPartiesAsync(page, browser.App.BaseAddress);

        await page.GotoAsync(Url("/"));
        await Assertions.Expect(page.Locator(".post-card")).ToHaveCountAsync(4);
        await page.GetByRole(AriaRole.Link, new() { Name = "Two years of river clean-up, in four numbers", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two years of river clean-up, in four numbers");
        await Assertions.Expect(page.Locator(".post__body figure figcaption").First).ToHaveTextAsync("The river at dusk, seen from the new footbridge.");
        await Assertions.Expect(page.Locator("figure.quote figcaption")).ToContainTextAsync("A hydrologist");
        await Assertions.Expect(page.Locator(".reader-question__text")).ToBeVisibleAsync();
        var image = page.Locator(".post__body figure img").First;
        await image.ScrollIntoViewIfNeededAsync();
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The figure's image did not load");

        var placeholder = page.Locator(".video-embed__placeholder");
        await Assertions.Expect(placeholder).ToContainTextAsync("Play video from YouTube");
        await Assertions.Expect(page.Locator("iframe")).ToHaveCountAsync(0);
        Assert.Empty(outside); // reading told no third party anything
        // The page as a reader first sees it, video placeholder included (kept for the README).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "post-page.png"), FullPage = true });

        await placeholder.ClickAsync();
        var frame = page.Locator("figure.video-embed iframe");
        await Assertions.Expect(frame).ToHaveCountAsync(1);
        Assert.StartsWith("https://www.youtube-nocookie.com/embed/", await frame.GetAttributeAsync("src"));
        await Assertions.Expect(placeholder).ToHaveCountAsync(0);

        session.Passed();
    }

    [Fact]
    public async Task The_post_page_works_at_phone_width_without_sideways_scrolling()
    {
        await using var session = await browser.NewSessionAsync(nameof(The_post_page_works_at_phone_width_without_sideways_scrolling),
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });
        var page = session.Page;
        await page.GotoAsync(Url("/"));
        await page.Locator(".post-card__title a").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a phone screen");
        // The sidebar moves below the article instead of squeezing it.
        var articleBox = (await page.Locator("article.post").BoundingBoxAsync())!;
        var sidebarBox = (await page.Locator("aside.sidebar").BoundingBoxAsync())!;
        Assert.True(sidebarBox.Y > articleBox.Y + articleBox.Height - 1);
        Assert.True(articleBox.Width > 300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "post-page-phone.png"), FullPage = true });
        session.Passed();
    }

    [Fact]
    public async Task Without_javascript_the_post_is_readable_and_the_video_is_a_plain_link()
    {
        await using var session = await browser.NewSessionAsync(nameof(Without_javascript_the_post_is_readable_and_the_video_is_a_plain_link),
            new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = session.Page;
        await page.GotoAsync(Url("/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Two years of river clean-up, in four numbers", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".post__body")).ToContainTextAsync("Storm overflow hours");
        Assert.Equal("https://www.youtube.com/watch?v=aqz-KE-bpKQ", await page.Locator(".video-embed__placeholder").GetAttributeAsync("href"));
        session.Passed();
    }

    [Fact]
    public async Task Keyboard_users_can_skip_to_the_content_and_see_where_focus_is()
    {
        await using var session = await browser.NewSessionAsync(nameof(Keyboard_users_can_skip_to_the_content_and_see_where_focus_is));
        var page = session.Page;
        await page.GotoAsync(Url("/"));
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        var outline = await skip.EvaluateAsync<string>("a => getComputedStyle(a).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        session.Passed();
    }

    [Fact]
    public async Task Readers_who_prefer_dark_get_a_dark_page()
    {
        await using var session = await browser.NewSessionAsync(nameof(Readers_who_prefer_dark_get_a_dark_page),
            new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });
        var page = session.Page;
        await page.GotoAsync(Url("/about-this-site"));
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(22, 24, 28)", background);
        session.Passed();
    }
}
