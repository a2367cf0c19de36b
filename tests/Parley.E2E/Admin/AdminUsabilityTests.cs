using Microsoft.Playwright;
using Parley.Testing;

namespace Parley.E2E.Admin;

/// <summary>The admin area at phone width, and writing through an expired sign-in without losing a word.</summary>
public sealed class AdminUsabilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_admin_page_fits_a_phone_screen()
    {
        await using var session = await browser.NewSessionAsync(nameof(Every_admin_page_fits_a_phone_screen),
            new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = session.Page;
        await StaffSignIn.SignInAsync(page, browser.App.BaseAddress);
        foreach (var path in new[] { "/admin", "/admin/posts", "/admin/posts/edit", "/admin/comments", "/admin/media", "/admin/taxonomy", "/admin/users", "/admin/settings/general" })
        {
            await page.GotoAsync(browser.App.BaseAddress + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            var culprit = overflow <= 1 ? "" : await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-3).map(e => e.tagName + '.' + e.className).join(', ')");
            Assert.True(overflow <= 1, $"{path} is {overflow}px wider than the phone's screen ({culprit})");
        }
        await page.GotoAsync(browser.App.BaseAddress + "/admin/posts/edit");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsPath, "editor-phone.png"), FullPage = true });
        session.Passed();
    }

    [Fact]
    public async Task Text_typed_after_the_sign_in_expired_is_kept_and_saved_after_signing_in_again()
    {
        await using var session = await browser.NewSessionAsync(nameof(Text_typed_after_the_sign_in_expired_is_kept_and_saved_after_signing_in_again));
        var page = session.Page;
        await StaffSignIn.SignInAsync(page, browser.App.BaseAddress, "/admin/posts/edit");
        await page.GetByLabel("Title").FillAsync("Written through a lapse");
        var body = page.GetByLabel("Text (Markdown)");
        await body.FillAsync("The first paragraph.");
        await Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("Saved automatically", new() { Timeout = 15_000 });
        var editUrl = page.Url;

        // The sign-in ends (as when it expires); the author keeps typing.
        await page.Context.ClearCookiesAsync();
        await body.PressAsync("Control+End");
        await body.PressSequentiallyAsync("\n\nA second paragraph, typed while signed out.");
        await Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("signed out", new() { Timeout = 15_000 });

        // Signing in again in another tab: the editor's next autosave goes through.
        var other = await page.Context.NewPageAsync();
        await StaffSignIn.SignInAsync(other, browser.App.BaseAddress);
        await other.CloseAsync();
        await Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("Saved automatically", new() { Timeout = 15_000 });
        await page.GotoAsync(editUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Restore them" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("typed while signed out"));
        session.Passed();
    }
}
