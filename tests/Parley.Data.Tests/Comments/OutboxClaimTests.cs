using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Testing;
using static Parley.Data.Tests.Comments.Outbox;

namespace Parley.Data.Tests.Comments;

/// <summary>
/// Several Parley processes deliver from one outbox. Each is played by its own DI scope (its own
/// <see cref="MailQueue"/> and database connection); what arrives is counted at a real SMTP listener.
/// </summary>
public sealed class OutboxClaimTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Two_processes_delivering_at_once_send_each_mail_exactly_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var smtp = new TestSmtp();
        await UseSmtpPortAsync(db, smtp.Port);
        var subjects = Enumerable.Range(1, 20).Select(i => $"Mail {i}").ToArray();
        await EnqueueAsync(db, subjects);

        // Both read the due list before either has sent much: without a claim both would send all twenty.
        var sentBy = await Task.WhenAll(DeliverAsync(db), DeliverAsync(db));

        Assert.Equal(20, sentBy.Sum());
        Assert.Equal(subjects.Order(StringComparer.Ordinal), smtp.Received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        await using var context = db.NewContext();
        Assert.Equal(20, await context.Set<OutboxMessage>().CountAsync(m => m.SentAt != null && m.ClaimedUntil == null));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Mail_held_by_a_process_that_died_mid_send_waits_for_its_claim_to_lapse_then_goes_out_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await EnqueueAsync(db, "Your sign-in code");

        // The first process dies while its mail server has not even greeted it: the message stays claimed.
        using (var silentServer = new TcpListener(IPAddress.Loopback, 0))
        {
            silentServer.Start();
            await UseSmtpPortAsync(db, ((IPEndPoint)silentServer.LocalEndpoint).Port);
            using var dying = new CancellationTokenSource();
            var delivering = DeliverAsync(db, dying.Token);
            using var connection = await silentServer.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
            await dying.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delivering);
        }

        using var smtp = new TestSmtp();
        await UseSmtpPortAsync(db, smtp.Port);
        db.Clock.Advance(MailQueue.ClaimFor - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await DeliverAsync(db));
        Assert.Empty(smtp.Received);

        db.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DeliverAsync(db));
        Assert.Equal("Your sign-in code", Assert.Single(smtp.Received).Subject);
        Assert.Equal(0, await DeliverAsync(db));
        Assert.Single(smtp.Received);
    }
}
