using Microsoft.Playwright;
using Parley.Testing;

namespace Parley.E2E.Comments;

/// <summary>A guest joins the discussion in Chromium, with JavaScript and without; the owner approves.</summary>
public sealed class DiscussionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string LibraryPost = "/2026/11/should-the-library-stay-open-until-ten";
    private string Url(string path) => browser.App.BaseAddress + path;

    private static async Task FillGuestAsync(IPage page, string name, string email, string body)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" }).FillAsync(body);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync(email);
    }

    [Fact]
    public async Task A_guest_previews_and_posts_without_a_reload_and_the_owner_approves_it()
    {
        await using var guest = await browser.NewSessionAsync(nameof(A_guest_previews_and_posts_without_a_reload_and_the_owner_approves_it));
        var page = guest.Page;
        await page.GotoAsync(Url(LibraryPost));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leave a Reply" })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__samePage = true");

        await FillGuestAsync(page, "Grace Guest", "grace@example.org", "I would go at *nine*, gladly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".comment-preview em")).ToHaveTextAsync("nine");

        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        var mine = page.Locator(".comment--new");
        await Assertions.Expect(mine).ToContainTextAsync("awaiting moderation");
        await Assertions.Expect(mine.Locator(".comment__text em")).ToHaveTextAsync("nine");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "The page reloaded");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" })).ToHaveValueAsync("");
        var id = (await mine.GetAttributeAsync("id"))!;

        // Someone else does not see the held comment.
        await using var stranger = await browser.NewSessionAsync("stranger-before");
        await stranger.Page.GotoAsync(Url(LibraryPost));
        await Assertions.Expect(stranger.Page.Locator("#" + id)).ToHaveCountAsync(0);
        stranger.Passed();

        // The owner signs in and approves it in the queue.
        await using var owner = await browser.NewSessionAsync("owner");
        await owner.Page.GotoAsync(Url("/admin/comments"));
        await StaffSignIn.SignInHereAsync(owner.Page);
        var row = owner.Page.Locator("#c" + id.Replace("comment-", ""));
        await Assertions.Expect(row).ToContainTextAsync("I would go at nine, gladly.");
        await owner.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "moderation-queue.png"), FullPage = true });
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(owner.Page.Locator(".notice")).ToHaveTextAsync("1 comment: approved.");
        owner.Passed();

        await using var later = await browser.NewSessionAsync("stranger-after");
        await later.Page.GotoAsync(Url(LibraryPost));
        await Assertions.Expect(later.Page.Locator("#" + id)).ToContainTextAsync("gladly");
        await Assertions.Expect(later.Page.Locator("#" + id)).Not.ToContainTextAsync("awaiting moderation");
        later.Passed();
        guest.Passed();
    }

    [Fact]
    public async Task Without_javascript_the_form_posts_and_redirects_to_the_new_comment()
    {
        await using var session = await browser.NewSessionAsync(nameof(Without_javascript_the_form_posts_and_redirects_to_the_new_comment),
            new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = session.Page;
        await page.GotoAsync(Url(LibraryPost));
        await FillGuestAsync(page, "Nora NoScript", "nora@example.org", "Posted the old way.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        // The page was one kept for every visitor, so its form had no token for this reader: one confirmation, text kept.
        await Assertions.Expect(page.Locator(".form-errors")).ToContainTextAsync("press Post Comment again");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" })).ToHaveValueAsync("Posted the old way.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("#comment-\\d+$"));
        var id = new Uri(page.Url).Fragment.TrimStart('#');
        await Assertions.Expect(page.Locator("#" + id)).ToContainTextAsync("awaiting moderation");
        session.Passed();
    }

    [Fact]
    public async Task Replying_moves_the_form_under_the_comment_and_the_reply_nests()
    {
        // A known commenter (one approved comment) so replies appear at once.
        var parentId = await browser.App.SeedApprovedCommentAsync(LibraryPost, "Rosa Root", "rosa@example.org", "Top-level thought.");
        await using var session = await browser.NewSessionAsync(nameof(Replying_moves_the_form_under_the_comment_and_the_reply_nests));
        var page = session.Page;
        await page.GotoAsync(Url(LibraryPost));
        var parent = page.Locator($"#comment-{parentId}");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Reply to Rosa Root" }).ClickAsync();
        await Assertions.Expect(parent.Locator("#respond")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reply-title")).ToContainTextAsync("Reply to Rosa Root");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" })).ToBeFocusedAsync();

        await FillGuestAsync(page, "Rosa Root", "rosa@example.org", "And a follow-up.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".comment-replies > .comment")).ToContainTextAsync("And a follow-up.");
        await Assertions.Expect(page.Locator("#reply-title")).ToHaveTextAsync("Leave a Reply");
        await page.Locator("#comments").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "discussion.png") });
        session.Passed();
    }

    [Fact]
    public async Task A_refused_comment_keeps_its_text_and_says_what_to_fix()
    {
        await using var session = await browser.NewSessionAsync(nameof(A_refused_comment_keeps_its_text_and_says_what_to_fix));
        var page = session.Page;
        await page.GotoAsync(Url(LibraryPost));
        await FillGuestAsync(page, "Eve Error", "not-an-email", "Words worth keeping.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field__error")).ToHaveTextAsync("That does not look like an email address.");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" })).ToHaveValueAsync("Words worth keeping.");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        session.Passed();
    }
}
