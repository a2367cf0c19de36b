using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parley.Core.Comments;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.E2E.Comments;

/// <summary>A reader follows a discussion from the browser, confirms from the mail, and stops the mail from its link.</summary>
public sealed partial class MailJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private const string LibraryPost = "/2026/11/should-the-library-stay-open-until-ten";
    private readonly TestSmtp _smtp = new();

    [Fact]
    public async Task A_reader_confirms_by_mail_gets_a_notification_and_unsubscribes_from_its_link()
    {
        await using (var scope = browser.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s =>
            {
                (s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpFrom) = ("127.0.0.1", _smtp.Port, SmtpSecurity.None, "blog@example.org");
                s.CommentModeration = ModerationPolicy.PublishAll;
            }, DateTime.UtcNow);

        await using var session = await browser.NewSessionAsync(nameof(A_reader_confirms_by_mail_gets_a_notification_and_unsubscribes_from_its_link));
        var page = session.Page;
        await page.GotoAsync(browser.App.BaseAddress + LibraryPost);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" }).FillAsync("Keep me posted, please.");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Fay Follower");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("fay@example.org");
        await page.GetByLabel("All new comments on this post").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".comment--new")).ToContainTextAsync("Keep me posted");

        var confirm = await _smtp.WaitForAsync(m => m.To == "fay@example.org" && m.Subject.StartsWith("Confirm", StringComparison.Ordinal));
        await page.GotoAsync(Link().Match(confirm.Body).Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are following the discussion");

        await using (var other = await browser.NewSessionAsync("mail-journey-newcomer"))
        {
            await other.Page.GotoAsync(browser.App.BaseAddress + LibraryPost);
            await other.Page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" }).FillAsync("A new voice in the thread.");
            await other.Page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Norm Newcomer");
            await other.Page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("norm@example.org");
            await other.Page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
            await Assertions.Expect(other.Page.Locator(".comment--new")).ToBeVisibleAsync();
            other.Passed();
        }
        var notice = await _smtp.WaitForAsync(m => m.To == "fay@example.org" && m.Body.Contains("A new voice in the thread."));
        Assert.Contains("Norm Newcomer", notice.Subject);

        await page.GotoAsync(Link().Match(notice.Body).Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop these emails" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You will get no more emails");
        session.Passed();
    }

    [GeneratedRegex(@"https?://\S+/comments/subscription/[0-9a-f]{48}")]
    private static partial Regex Link();

    public void Dispose() => _smtp.Dispose();
}
