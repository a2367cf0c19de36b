using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>Comment mail end to end: double opt-in, notifications, one-click unsubscribe, through a real SMTP listener.</summary>
public sealed partial class NotificationTests(CommentApps apps) : IClassFixture<CommentApps>, IDisposable
{
    private const string RepairPost = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";
    private readonly TestSmtp _smtp = new();

    private async Task<ParleyApp> AppWithMail(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s =>
        {
            (s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpFrom) = ("127.0.0.1", _smtp.Port, SmtpSecurity.None, "blog@example.org");
            s.CommentModeration = ModerationPolicy.PublishAll;
        }, DateTime.UtcNow);
        return app;
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_reader_confirms_gets_told_of_new_comments_and_unsubscribes_in_one_click(DatabaseProvider provider)
    {
        var app = await AppWithMail(provider);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var follower = $"follower-{tag}@example.org";
        var fields = CommentPoster.Guest($"Following this {tag}", email: follower);
        fields["Notify"] = "thread";
        await CommentPoster.PostOkAsync(app.CreatePlainClient(), RepairPost, fields);

        var confirmation = await _smtp.WaitForAsync(m => m.To == follower && m.Subject.StartsWith("Confirm", StringComparison.Ordinal));
        // Before confirming, nothing else is sent to that address.
        await CommentPoster.PostOkAsync(app.CreatePlainClient(), RepairPost, CommentPoster.Guest($"Early {tag}", email: $"early-{tag}@example.org"));
        await _smtp.WaitForAsync(m => m.Subject.StartsWith("New comment", StringComparison.Ordinal) && m.Body.Contains($"Early {tag}"));
        Assert.DoesNotContain(_smtp.Received, m => m.To == follower && m.Body.Contains($"Early {tag}"));

        var link = new Uri(LinkPattern().Match(confirmation.Body).Value);
        var reader = app.CreatePlainClient();
        var page = await HtmlPage.GetAsync(reader, link.PathAndQuery);
        Assert.Contains("Confirm your subscription", page.QuerySelector("h1")!.TextContent);
        var confirmed = await StaffClient.SubmitAsync(reader, link.PathAndQuery, "form[action*='Confirm']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("You are following the discussion", await confirmed.Content.ReadAsStringAsync());

        await CommentPoster.PostOkAsync(app.CreatePlainClient(), RepairPost, CommentPoster.Guest($"Later {tag}", name: "Larry Later", email: $"later-{tag}@example.org"));
        var notice = await _smtp.WaitForAsync(m => m.To == follower && m.Body.Contains($"Later {tag}"));
        Assert.Contains("Larry Later", notice.Subject);
        var unsubscribe = notice.Headers["List-Unsubscribe"].Trim('<', '>');
        Assert.Equal("List-Unsubscribe=One-Click", notice.Headers["List-Unsubscribe-Post"]);
        // The author of a comment is never mailed about their own comment.
        Assert.DoesNotContain(_smtp.Received, m => m.To == $"later-{tag}@example.org");

        var oneClick = await app.CreatePlainClient().PostAsync(new Uri(unsubscribe).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        await CommentPoster.PostOkAsync(app.CreatePlainClient(), RepairPost, CommentPoster.Guest($"After {tag}", email: $"after-{tag}@example.org"));
        await _smtp.WaitForAsync(m => m.Subject.StartsWith("New comment", StringComparison.Ordinal) && m.Body.Contains($"After {tag}"));
        Assert.DoesNotContain(_smtp.Received, m => m.To == follower && m.Body.Contains($"After {tag}"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_author_hears_of_held_comments(DatabaseProvider provider)
    {
        var app = await AppWithMail(provider);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s => s.CommentModeration = ModerationPolicy.HoldAll, DateTime.UtcNow);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await CommentPoster.PostOkAsync(app.CreatePlainClient(), RepairPost, CommentPoster.Guest($"Held for the author {tag}", email: $"held-{tag}@example.org"));
        var mail = await _smtp.WaitForAsync(m => m.Body.Contains($"Held for the author {tag}"));
        Assert.Equal(ParleyApp.AdminEmail, mail.To);
        Assert.Contains("waits for approval", mail.Subject);
        Assert.Contains("/admin/comments", mail.Body);
        await using var check = app.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<ParleyDbContext>().Comments.AnyAsync(c => c.BodySource.Contains(tag) && c.Status == CommentStatus.Pending));
    }

    [GeneratedRegex(@"https?://\S+/comments/subscription/[0-9a-f]{48}")]
    private static partial Regex LinkPattern();

    public void Dispose() => _smtp.Dispose();
}
