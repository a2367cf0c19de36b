using Microsoft.Playwright;
using Parley.Testing;

namespace Parley.E2E.Admin;

/// <summary>A browser fixture whose app runs on a clock the test moves, so a scheduled post can go live.</summary>
public sealed class AuthorBrowserFixture : BrowserFixture
{
    protected override bool FakeClock => true;
}

/// <summary>
/// The author's journey in Chromium: write a post with a figure, a quote and a video, see the live
/// preview, schedule it, see it go live when the clock passes, edit it, compare two revisions and
/// restore one, keep text through a closed tab, and moderate a comment from the dashboard by keyboard.
/// </summary>
public sealed class AuthorJourneyTests(AuthorBrowserFixture browser) : IClassFixture<AuthorBrowserFixture>
{
    private string Url(string path) => browser.App.BaseAddress + path;

    private static string Shot(string name) => Path.Combine(BrowserFixture.ArtifactsPath, name);

    [Fact]
    public async Task An_author_writes_schedules_publishes_edits_restores_and_moderates()
    {
        await using var session = await browser.NewSessionAsync(nameof(An_author_writes_schedules_publishes_edits_restores_and_moderates),
            new BrowserNewContextOptions { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = session.Page;
        await StaffSignIn.SignInAsync(page, browser.App.BaseAddress);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New post" }).First.ClickAsync();

        // Write: a figure, a quote with attribution and a video, with the toolbar's help.
        await page.GetByLabel("Title").FillAsync("Should the night buses run all week?");
        var body = page.GetByLabel("Text (Markdown)");
        var preview = page.Locator("[data-preview-target]");
        await body.FillAsync("The council is consulting on night buses.\n");
        await body.PressAsync("End");
        await page.GetByRole(AriaRole.Button, new() { Name = "Figure" }).ClickAsync();
        await page.Keyboard.TypeAsync("A night bus at a stop in the rain");
        await body.PressAsync("Control+End");
        // An image from the computer: uploaded to the library (location data removed) and inserted as a figure.
        await page.Locator("[data-upload-input]").SetInputFilesAsync(new FilePayload { Name = "bus-stop.jpg", MimeType = "image/jpeg", Buffer = TestImages.JpegWithLocation(1200, 800) });
        await Assertions.Expect(preview.Locator("figure picture img[src^='/media/']")).ToBeVisibleAsync();
        await body.PressAsync("Control+End");
        await page.GetByRole(AriaRole.Button, new() { Name = "Quote" }).ClickAsync();
        await body.PressAsync("Control+End");
        await page.GetByRole(AriaRole.Button, new() { Name = "Video" }).ClickAsync();
        await page.Keyboard.TypeAsync("https://www.youtube.com/watch?v=aqz-KE-bpKQ");
        await body.PressAsync("Control+End");
        await body.PressSequentiallyAsync("What would you give up for a bus at 3 am?");

        await Assertions.Expect(preview.Locator("figure img[alt='A night bus at a stop in the rain']")).ToHaveCountAsync(1);
        await Assertions.Expect(preview.Locator("figure.quote figcaption")).ToContainTextAsync("Who said it");
        await Assertions.Expect(preview.Locator("figure.video-embed")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-words]")).Not.ToHaveTextAsync("0");
        await page.GetByLabel("Question to readers").FillAsync("Would you ride a night bus on a Tuesday?");
        await page.ScreenshotAsync(new() { Path = Shot("editor.png") });

        // Schedule an hour ahead (the site's zone is UTC), then let the clock pass.
        var when = browser.App.Clock!.GetUtcNow().UtcDateTime.AddHours(1);
        await page.GetByLabel("Publish at (empty: now)").FillAsync(when.ToString("yyyy-MM-dd'T'HH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish or schedule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Scheduled for");
        var editUrl = page.Url;

        browser.App.Clock.Advance(TimeSpan.FromMinutes(61));
        for (var i = 0; i < 60; i++)
        {
            await page.ReloadAsync();
            if (await page.GetByRole(AriaRole.Heading, new() { Name = "Published", Exact = true }).CountAsync() > 0) break;
            browser.App.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(100);
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Published", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "View post" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Should the night buses run all week?", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".reader-question, .respond")).Not.ToHaveCountAsync(0);
        var postUrl = page.Url;

        // Edit, then compare the two versions and restore the first.
        await page.GotoAsync(editUrl);
        await body.FillAsync((await body.InputValueAsync()).Replace("consulting on", "voting on", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Published.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare revisions" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.diff .diff__del")).ToContainTextAsync("consulting on");
        await Assertions.Expect(page.Locator("ol.diff .diff__ins")).ToContainTextAsync("voting on");
        await page.ScreenshotAsync(new() { Path = Shot("revisions.png") });
        await page.Locator(".revisions__restore button").First.ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("restored");
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("consulting on"));

        // Autosave: type, let it save, close the tab, come back. (The app's clock only moves when told.)
        browser.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await body.PressAsync("Control+End");
        await body.PressSequentiallyAsync("\nA line typed just before the tab closed.");
        await Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("Saved automatically", new() { Timeout = 15_000 });
        await page.CloseAsync();
        var again = await session.Page.Context.NewPageAsync();
        await again.GotoAsync(editUrl);
        await again.GetByRole(AriaRole.Link, new() { Name = "Restore them" }).ClickAsync();
        await Assertions.Expect(again.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("just before the tab closed"));

        // A reader comments; the author moderates it from the dashboard with the keyboard.
        await using (var reader = await browser.NewSessionAsync("author-journey-reader"))
        {
            await reader.Page.GotoAsync(postUrl);
            await reader.Page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" }).FillAsync("Only on Fridays, please.");
            await reader.Page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Nadia Nightowl");
            await reader.Page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("nadia@example.org");
            await reader.Page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
            await Assertions.Expect(reader.Page.Locator(".comment--new")).ToContainTextAsync("awaiting moderation");
            reader.Passed();
        }
        await again.GotoAsync(Url("/admin"));
        await again.ScreenshotAsync(new() { Path = Shot("dashboard.png") });
        await again.Locator(".dashboard__number a").ClickAsync();
        var item = again.Locator(".queue__item").Filter(new() { HasText = "Only on Fridays" });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await again.ScreenshotAsync(new() { Path = Shot("moderation.png") });
        // The newest comment is first and current; "a" approves it.
        await Assertions.Expect(again.Locator(".queue__item--current")).ToContainTextAsync("Only on Fridays");
        await again.Keyboard.PressAsync("a");
        await Assertions.Expect(again.Locator(".notice")).ToContainTextAsync("1 comment: approved");
        await again.GotoAsync(postUrl);
        await Assertions.Expect(again.Locator(".comment").Filter(new() { HasText = "Only on Fridays" })).Not.ToContainTextAsync("awaiting moderation");
        session.Passed();
    }
}
