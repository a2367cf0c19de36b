using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Identity;

/// <summary>Passwordless sign-in by email, through a real SMTP listener: the code, the link, and what is refused.</summary>
public sealed partial class EmailSignInTests(IdentityApps apps) : IClassFixture<IdentityApps>
{
    private const string Post = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";

    /// <summary>Asks for a code as the sign-in page does; returns the code page's address and the mail.</summary>
    private async Task<(string CodePage, TestSmtp.Mail Mail)> RequestCodeAsync(HttpClient client, string email, string returnUrl = "/")
    {
        var response = await StaffClient.SubmitAsync(client, "/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl),
            "form[action*='handler=Code']", new Dictionary<string, string> { ["CodeEmail"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await apps.Smtp.WaitForAsync(m => m.To == email);
        return (response.Headers.Location!.OriginalString, mail);
    }

    private static string CodeIn(TestSmtp.Mail mail) => CodePattern().Match(mail.Subject).Value;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_reader_signs_in_with_the_emailed_code_and_comments_under_that_identity(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        var client = app.CreatePlainClient();
        var (codePage, mail) = await RequestCodeAsync(client, email, Post + "#respond");
        Assert.Matches(CodePattern(), mail.Subject);
        Assert.Contains("/account/signin/code?link=", mail.Body);

        var signedIn = await StaffClient.SubmitAsync(client, codePage, "form.auth__form", new Dictionary<string, string> { ["Code"] = CodeIn(mail) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(Post + "#respond", signedIn.Headers.Location!.OriginalString);

        var page = await HtmlPage.GetAsync(client, Post);
        var asLine = page.QuerySelector(".comment-form__as")!.TextContent;
        Assert.Contains("Commenting as", asLine);
        Assert.Contains("via Email", asLine);
        var body = $"Signed in by code {Guid.NewGuid():N}";
        var id = await CommentPoster.PostOkAsync(client, Post, new Dictionary<string, string> { ["Body"] = body });
        var after = await HtmlPage.GetAsync(app.CreatePlainClient(), Post);
        var comment = after.QuerySelector($"#comment-{id}")!;
        Assert.Contains(body, comment.TextContent);
        Assert.Equal("via Email", comment.QuerySelector(".badge--via")!.TextContent);
        // The address is the reader's, but it is never shown.
        Assert.DoesNotContain(email, after.DocumentElement.OuterHtml);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_link_works_once_after_a_button_press_and_a_code_cannot_be_used_twice(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = $"linker-{Guid.NewGuid():N}@example.org";
        var (codePage, mail) = await RequestCodeAsync(app.CreatePlainClient(), email);
        var link = new Uri(LinkPattern().Match(mail.Body).Value).PathAndQuery;

        // Opening the link (as a mail scanner would) signs nobody in and uses nothing up.
        var opened = await app.CreatePlainClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var browser = app.CreatePlainClient();
        var pressed = await StaffClient.SubmitAsync(browser, link, "form.auth__form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Equal("/", pressed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        var again = await StaffClient.SubmitAsync(app.CreatePlainClient(), link, "form.auth__form", new Dictionary<string, string>());
        Assert.Contains("problem=link", again.Headers.Location!.OriginalString);
        // The code of the same message is spent too: one message, one sign-in.
        var code = await StaffClient.SubmitAsync(app.CreatePlainClient(), codePage, "form.auth__form", new Dictionary<string, string> { ["Code"] = CodeIn(mail) });
        Assert.Equal(HttpStatusCode.BadRequest, code.StatusCode);
        Assert.Contains("expired or was tried too many times", await code.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Five_wrong_guesses_end_the_code_and_an_expired_code_is_refused(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = $"guesser-{Guid.NewGuid():N}@example.org";
        var (codePage, mail) = await RequestCodeAsync(app.CreatePlainClient(), email);
        var right = CodeIn(mail);
        var wrong = right == "000000" ? "111111" : "000000";
        for (var i = 0; i < EmailSignIn.MaxFailedAttempts; i++)
        {
            var guess = await StaffClient.SubmitAsync(app.CreatePlainClient(), codePage, "form.auth__form", new Dictionary<string, string> { ["Code"] = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        }
        var late = await StaffClient.SubmitAsync(app.CreatePlainClient(), codePage, "form.auth__form", new Dictionary<string, string> { ["Code"] = right });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);

        var second = $"sleepy-{Guid.NewGuid():N}@example.org";
        var (secondPage, secondMail) = await RequestCodeAsync(app.CreatePlainClient(), second);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            // Sixteen minutes pass.
            await db.Set<EmailSignInCode>().Where(c => c.Email == second)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }
        var expired = await StaffClient.SubmitAsync(app.CreatePlainClient(), secondPage, "form.auth__form", new Dictionary<string, string> { ["Code"] = CodeIn(secondMail) });
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_staff_address_gets_no_code_and_the_page_does_not_say_whose_address_it_is(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var staff = $"editor-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, staff, Roles.Editor, "an editor's long password");
        var (staffPage, staffMail) = await RequestCodeAsync(app.CreatePlainClient(), staff);
        var (readerPage, _) = await RequestCodeAsync(app.CreatePlainClient(), $"someone-{Guid.NewGuid():N}@example.org");

        Assert.DoesNotMatch(CodePattern(), staffMail.Subject);
        Assert.Contains("staff accounts sign in with their password", staffMail.Body);
        var staffHtml = (await HtmlPage.GetAsync(app.CreatePlainClient(), staffPage)).QuerySelector("main")!.TextContent;
        var readerHtml = (await HtmlPage.GetAsync(app.CreatePlainClient(), readerPage)).QuerySelector("main")!.TextContent;
        Assert.Equal(readerHtml, staffHtml);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Codes_for_one_mailbox_are_rate_limited_and_bad_addresses_keep_what_was_typed(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = $"flood-{Guid.NewGuid():N}@example.org";
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
            last = await StaffClient.SubmitAsync(app.CreatePlainClient(), "/account/signin", "form[action*='handler=Code']",
                new Dictionary<string, string> { ["CodeEmail"] = email });
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null);

        var bad = await StaffClient.SubmitAsync(app.CreatePlainClient(), "/account/signin", "form[action*='handler=Code']",
            new Dictionary<string, string> { ["CodeEmail"] = "not-an-address" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = HtmlPage.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Enter your email address", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal("not-an-address", page.QuerySelector("#code-email")!.GetAttribute("value"));
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"https?://\S+/account/signin/code\?link=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}

