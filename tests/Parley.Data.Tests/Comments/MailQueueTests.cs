using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Data.Tests.Comments;

/// <summary>The outbox against a real SMTP listener: mail survives a dead server and goes out once it is back.</summary>
public sealed class MailQueueTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_failing_server_delays_mail_with_backoff_and_loses_none(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var deadPort = FreePort();
        await db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().SaveAsync(s =>
            (s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpFrom) = ("127.0.0.1", deadPort, SmtpSecurity.None, "blog@example.org"), DateTime.UtcNow));
        await db.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<MailQueue>().Enqueue("reader@example.org", "Hello", "Body text", "http://localhost/unsub");
            await sp.GetRequiredService<ParleyDbContext>().SaveChangesAsync();
        });

        Assert.Equal(0, await db.InScopeAsync(sp => sp.GetRequiredService<MailQueue>().DeliverDueAsync()));
        await using (var context = db.NewContext())
        {
            var waiting = await context.Set<OutboxMessage>().SingleAsync();
            Assert.Equal(1, waiting.Attempts);
            Assert.Null(waiting.SentAt);
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime + MailQueue.Backoff[0], waiting.NextAttemptAt);
            Assert.NotNull(waiting.LastError);
        }
        // Not yet due: nothing is tried.
        Assert.Equal(0, await db.InScopeAsync(sp => sp.GetRequiredService<MailQueue>().DeliverDueAsync()));

        using var smtp = new TestSmtp();
        await db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().SaveAsync(s => s.SmtpPort = smtp.Port, DateTime.UtcNow));
        db.Clock.Advance(MailQueue.Backoff[0]);
        Assert.Equal(1, await db.InScopeAsync(sp => sp.GetRequiredService<MailQueue>().DeliverDueAsync()));
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("reader@example.org", mail.To);
        Assert.Equal("Hello", mail.Subject);
        Assert.Equal("<http://localhost/unsub>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(0, await db.InScopeAsync(sp => sp.GetRequiredService<MailQueue>().DeliverDueAsync()));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
