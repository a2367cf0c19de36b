using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Parley.Core.Data;
using Parley.Core.Settings;

namespace Parley.Core.Notifications;

/// <summary>
/// The outbox: mail is stored first and delivered by a background job, retried with growing pauses
/// (1 min, 5 min, 30 min, 2 h, 12 h) and given up after six failures, each failure logged.
/// </summary>
public sealed class MailQueue(ParleyDbContext db, IMailTransport transport, SettingsService settings, TimeProvider clock, ILogger<MailQueue> logger)
{
    public static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    /// <summary>
    /// How long a process holds a message it is sending. Far longer than a send can last (MailKit gives up on a
    /// silent server after 30 s a step), so the claim only lapses for a process that stopped mid-send.
    /// </summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    private const string WipedBody = "(removed once sent: it held a one-time secret)";

    /// <summary>Adds a message to the outbox (saved with the caller's next SaveChanges).</summary>
    public void Enqueue(string to, string subject, string text, string? unsubscribeUrl = null, bool sensitive = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            To = to, Subject = subject, TextBody = text, UnsubscribeUrl = unsubscribeUrl, CreatedAt = now, NextAttemptAt = now, Sensitive = sensitive,
        });
    }

    /// <summary>
    /// Sends what is due. Several processes may run this over one outbox at once: each message is claimed
    /// first, and only the process whose claim changed the row sends it. Returns how many this call sent.
    /// </summary>
    public async Task<int> DeliverDueAsync(int batch = 20, CancellationToken ct = default)
    {
        var site = await settings.GetAsync(ct);
        // Without a mail server there is nobody to hand mail to: it waits, untouched, until one is set.
        if (string.IsNullOrWhiteSpace(site.SmtpHost)) return 0;
        var due = await Due(clock.GetUtcNow().UtcDateTime).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            // Another process may have taken it since the list was read.
            if (await ClaimAsync(id, ct) is not { } message) continue;
            try
            {
                await transport.SendAsync(message, site, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await RecordFailureAsync(message, ex.Message, ct);
                continue;
            }
            // A cancelled send leaves the claim in place: the mail may have gone out, so it waits for the claim to lapse.
            // A finished one is recorded even while the process stops, or it would go out again.
            await RecordSentAsync(message, CancellationToken.None);
            sent++;
        }
        return sent;
    }

    private IQueryable<OutboxMessage> Due(DateTime now) => db.Set<OutboxMessage>()
        .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now));

    /// <summary>One conditional UPDATE: of several processes asking at once, the database lets exactly one change the row.</summary>
    private async Task<OutboxMessage?> ClaimAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await Due(now).Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now + ClaimFor), ct);
        // Read after claiming, so attempts counted by another process are seen; untracked, because outcomes are written by UPDATE too.
        return claimed == 1 ? await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, ct) : null;
    }

    private Task RecordSentAsync(OutboxMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(m => m.SentAt, now).SetProperty(m => m.ClaimedUntil, (DateTime?)null);
            if (message.Sensitive) s.SetProperty(m => m.TextBody, WipedBody);
        }, ct);
    }

    private Task RecordFailureAsync(OutboxMessage message, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        error = error.Length > 500 ? error[..500] : error;
        logger.LogWarning("Mail {Id} could not be sent (attempt {Attempt}): {Error}", message.Id, attempts, error);
        return db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedUntil, (DateTime?)null);
            if (attempts > Backoff.Length) s.SetProperty(m => m.FailedAt, now);
            else s.SetProperty(m => m.NextAttemptAt, now + Backoff[attempts - 1]);
        }, ct);
    }
}
