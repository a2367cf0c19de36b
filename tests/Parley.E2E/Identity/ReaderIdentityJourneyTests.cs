using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parley.Core.Comments;
using Parley.Core.Settings;
using Parley.Testing;
using Parley.Testing.Oidc;

namespace Parley.E2E.Identity;

/// <summary>
/// Who is speaking, in one browser: a guest comment, then signed in through an OpenID Connect provider
/// (its own sign-in form), then switched with "Change" to an emailed code, then back to a guest —
/// each comment showing the identity that wrote it. And a passkey made and used with Chromium's
/// virtual authenticator.
/// </summary>
public sealed partial class ReaderIdentityJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private const string Post = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";
    private readonly TestSmtp _smtp = new();

    private async Task UseMailAndPublishAllAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s =>
        {
            (s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpFrom) = ("127.0.0.1", _smtp.Port, SmtpSecurity.None, "blog@example.org");
            s.CommentModeration = ModerationPolicy.PublishAll;
        }, DateTime.UtcNow);
    }

    private static async Task<ILocator> PostCommentAsync(IPage page, string body)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Comment" }).FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        var mine = page.Locator(".comment").Filter(new() { HasText = body }).Last;
        await Assertions.Expect(mine).ToBeVisibleAsync();
        return mine;
    }

    private async Task SignInWithEmailCodeAsync(IPage page, string email)
    {
        await page.GetByLabel("Email", new() { Exact = true }).First.FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in code" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        var mail = await _smtp.WaitForAsync(m => m.To == email);
        await page.GetByLabel("Code").FillAsync(Code().Match(mail.Subject).Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task A_reader_comments_as_a_guest_through_a_provider_and_with_an_emailed_code_switching_with_Change()
    {
        await UseMailAndPublishAllAsync();
        await using var idp = await ParleyOidcSetup.AddProviderAsync(browser.App, "local", "Local ID");
        await using var session = await browser.NewSessionAsync(nameof(A_reader_comments_as_a_guest_through_a_provider_and_with_an_emailed_code_switching_with_Change));
        var page = session.Page;
        await page.GotoAsync(browser.App.BaseAddress + Post);

        // 1. A guest.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Gail Guest");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("gail@example.org");
        var asGuest = await PostCommentAsync(page, "First, as a guest.");
        await Assertions.Expect(asGuest.Locator(".badge--via")).ToHaveCountAsync(0);

        // 2. Through the OpenID Connect provider, typing into its own sign-in form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsPath, "sign-in.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue with Local ID" }).ClickAsync();
        await page.GetByLabel("Username").FillAsync("olive");
        await page.GetByLabel("Display name").FillAsync("Olive Oidc");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("olive@example.org");
        await page.GetByLabel("Email verified").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".comment-form__as")).ToContainTextAsync("Commenting as Olive Oidc via Local ID");
        Assert.EndsWith(Post + "#respond", page.Url);
        var asOlive = await PostCommentAsync(page, "Second, through my provider.");
        await Assertions.Expect(asOlive.Locator(".badge--via")).ToHaveTextAsync("via Local ID");
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("2 comments");
        await page.Locator(".comment-form__as").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => window.scrollBy(0, -260)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsPath, "commenting-as.png") });

        // 3. "Change" → another account: an emailed code.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with another account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".auth__current")).ToContainTextAsync("Olive Oidc");
        await SignInWithEmailCodeAsync(page, "eve@example.org");
        await Assertions.Expect(page.Locator(".comment-form__as")).ToContainTextAsync("Commenting as eve via Email");
        var asEve = await PostCommentAsync(page, "Third, with a code from my inbox.");
        await Assertions.Expect(asEve.Locator(".badge--via")).ToHaveTextAsync("via Email");

        // 4. "Change" → post as a guest, while still signed in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Post as a guest (name and email)" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Anon Again");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("anon@example.org");
        var asGuestAgain = await PostCommentAsync(page, "Fourth, as a guest once more.");
        await Assertions.Expect(asGuestAgain.Locator(".badge--via")).ToHaveCountAsync(0);

        // Everyone else sees each comment with the identity that wrote it.
        await using var reader = await browser.NewSessionAsync("identity-journey-reader");
        await reader.Page.GotoAsync(browser.App.BaseAddress + Post);
        var thread = reader.Page.Locator(".comment");
        await Assertions.Expect(thread.Filter(new() { HasText = "First, as a guest." }).Locator(".comment__author").First).ToContainTextAsync("Gail Guest");
        await Assertions.Expect(thread.Filter(new() { HasText = "Second, through my provider." }).Locator(".badge--via")).ToHaveTextAsync("via Local ID");
        await Assertions.Expect(thread.Filter(new() { HasText = "Second, through my provider." }).Locator(".comment__author").First).ToContainTextAsync("Olive Oidc");
        await Assertions.Expect(thread.Filter(new() { HasText = "Third, with a code from my inbox." }).Locator(".badge--via")).ToHaveTextAsync("via Email");
        await Assertions.Expect(thread.Filter(new() { HasText = "Fourth, as a guest once more." }).Locator(".comment__author").First).ToContainTextAsync("Anon Again");
        reader.Passed();
        session.Passed();
    }

    [Fact]
    public async Task A_reader_adds_a_passkey_and_signs_in_with_it()
    {
        await UseMailAndPublishAllAsync();
        // WebAuthn needs a domain name, not an IP address: the same server, reached as localhost.
        var site = browser.App.BaseAddress.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await using var session = await browser.NewSessionAsync(nameof(A_reader_adds_a_passkey_and_signs_in_with_it));
        var page = session.Page;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync(site + "/account/signin");
        await SignInWithEmailCodeAsync(page, "pat@example.org");
        await page.GotoAsync(site + "/account/passkeys");
        await page.GetByLabel("Name for this passkey").FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Passkey added");
        await Assertions.Expect(page.Locator(".account__identities")).ToContainTextAsync("Test laptop");

        await page.GotoAsync(site + "/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).Last.ClickAsync();
        await page.GotoAsync(site + "/account/signin?returnUrl=%2Faccount");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your profile");
        await Assertions.Expect(page.GetByLabel("Name shown beside your comments")).ToHaveValueAsync("pat");
        session.Passed();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();

    public void Dispose() => _smtp.Dispose();
}
