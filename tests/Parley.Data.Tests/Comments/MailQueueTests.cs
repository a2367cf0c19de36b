using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Testing;
using static Parley.Data.Tests.Comments.Outbox;

namespace Parley.Data.Tests.Comments;

/// <summary>The outbox against a real SMTP listener: mail survives a dead server and goes out once it is back.</summary>
public sealed class MailQueueTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_failing_server_delays_mail_with_backoff_and_loses_none(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await UseSmtpPortAsync(db, FreePort());
        await db.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<MailQueue>().Enqueue("reader@example.org", "Hello", "Body text", "http://localhost/unsub");
            await sp.GetRequiredService<ParleyDbContext>().SaveChangesAsync();
        });

        Assert.Equal(0, await DeliverAsync(db));
        await using (var context = db.NewContext())
        {
            var waiting = await context.Set<OutboxMessage>().SingleAsync();
            Assert.Equal(1, waiting.Attempts);
            Assert.Null(waiting.SentAt);
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime + MailQueue.Backoff[0], waiting.NextAttemptAt);
            Assert.NotNull(waiting.LastError);
        }
        // Not yet due: nothing is tried.
        Assert.Equal(0, await DeliverAsync(db));

        using var smtp = new TestSmtp();
        await UseSmtpPortAsync(db, smtp.Port);
        db.Clock.Advance(MailQueue.Backoff[0]);
        Assert.Equal(1, await DeliverAsync(db));
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("reader@example.org", mail.To);
        Assert.Equal("Hello", mail.Subject);
        Assert.Equal("<http://localhost/unsub>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(0, await DeliverAsync(db));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Mail_is_given_up_after_the_last_attempt_and_never_sent_later(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await UseSmtpPortAsync(db, FreePort());
        await EnqueueAsync(db, "Hello");

        foreach (var pause in MailQueue.Backoff)
        {
            Assert.Equal(0, await DeliverAsync(db));
            db.Clock.Advance(pause);
        }
        Assert.Equal(0, await DeliverAsync(db));
        await using (var context = db.NewContext())
        {
            var givenUp = await context.Set<OutboxMessage>().SingleAsync();
            Assert.Equal(MailQueue.Backoff.Length + 1, givenUp.Attempts);
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, givenUp.FailedAt);
            Assert.Null(givenUp.ClaimedUntil);
        }

        using var smtp = new TestSmtp();
        await UseSmtpPortAsync(db, smtp.Port);
        db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await DeliverAsync(db));
        Assert.Empty(smtp.Received);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Mail_waits_untouched_without_a_server_and_a_secret_is_wiped_once_sent(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<MailQueue>().Enqueue("reader@example.org", "Your code", "Code: 123456", sensitive: true);
            await sp.GetRequiredService<ParleyDbContext>().SaveChangesAsync();
        });

        Assert.Equal(0, await DeliverAsync(db));
        await using (var context = db.NewContext())
        {
            var waiting = await context.Set<OutboxMessage>().SingleAsync();
            Assert.Equal((0, null, null), (waiting.Attempts, waiting.SentAt, waiting.ClaimedUntil));
        }

        using var smtp = new TestSmtp();
        await UseSmtpPortAsync(db, smtp.Port);
        Assert.Equal(1, await DeliverAsync(db));
        Assert.Contains("Code: 123456", Assert.Single(smtp.Received).Body);
        await using (var context = db.NewContext())
        {
            var sent = await context.Set<OutboxMessage>().SingleAsync();
            Assert.DoesNotContain("123456", sent.TextBody);
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, sent.SentAt);
        }
    }
}
