using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parley.Core.Comments;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.E2E.Embed;

/// <summary>A static page on another origin shows a Parley thread and posts a reply through the embed script.</summary>
public sealed class EmbedTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Post = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";

    private string Page(string parley) =>
        $"<!doctype html><html lang=en><head><meta charset=utf-8><title>My static notes</title></head><body><h1>My static notes</h1>" +
        $"<div data-parley-thread=\"{Post}\"></div><script src=\"{parley}/embed/thread.js\" async></script></body></html>";

    private async Task ListAsync(params string[] origins)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s =>
        {
            s.EmbedOrigins = string.Join('\n', origins);
            s.CommentModeration = ModerationPolicy.PublishAll;
        }, DateTime.UtcNow);
    }

    [Fact]
    public async Task A_listed_site_shows_the_thread_and_its_readers_can_reply()
    {
        var parley = browser.App.BaseAddress.TrimEnd('/');
        await using var notes = await StaticSite.StartAsync(() => Page(parley));
        await ListAsync(notes.Origin);
        await using var session = await browser.NewSessionAsync(nameof(A_listed_site_shows_the_thread_and_its_readers_can_reply));
        var page = session.Page;
        await page.GotoAsync(notes.Origin + "/");
        await Assertions.Expect(page.Locator(".parley-thread h2")).ToContainTextAsync("comment");
        await page.GetByLabel("Comment").FillAsync("Replying from a static page.");
        await page.GetByLabel("Name").FillAsync("Sam Static");
        await page.GetByLabel("Email (never shown)").FillAsync("sam@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-status")).ToHaveTextAsync("Posted.");
        await Assertions.Expect(page.Locator(".parley-comment").Last).ToContainTextAsync("Replying from a static page.");

        // The comment is on the real post, as any other comment.
        await page.GotoAsync(parley + Post);
        await Assertions.Expect(page.Locator(".comment").Filter(new() { HasText = "Replying from a static page." })).ToContainTextAsync("Sam Static");
        session.Passed();
    }

    [Fact]
    public async Task A_site_the_owner_did_not_list_gets_a_link_instead_of_the_thread()
    {
        var parley = browser.App.BaseAddress.TrimEnd('/');
        await using var stranger = await StaticSite.StartAsync(() => Page(parley));
        await ListAsync("https://someone-else.example");
        await using var session = await browser.NewSessionAsync(nameof(A_site_the_owner_did_not_list_gets_a_link_instead_of_the_thread));
        await session.Page.GotoAsync(stranger.Origin + "/");
        await Assertions.Expect(session.Page.Locator(".parley-note")).ToContainTextAsync("could not be loaded here");
        await Assertions.Expect(session.Page.Locator(".parley-form")).ToHaveCountAsync(0);
        session.Passed();
    }
}
