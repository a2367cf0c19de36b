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

    /// <summary>Adds a message to the outbox (saved with the caller's next SaveChanges).</summary>
    public void Enqueue(string to, string subject, string text, string? unsubscribeUrl = null, bool sensitive = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            To = to, Subject = subject, TextBody = text, UnsubscribeUrl = unsubscribeUrl, CreatedAt = now, NextAttemptAt = now, Sensitive = sensitive,
        });
    }

    /// <summary>Sends what is due. Returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(int batch = 20, CancellationToken ct = default)
    {
        var site = await settings.GetAsync(ct);
        // Without a mail server there is nobody to hand mail to: it waits, untouched, until one is set.
        if (string.IsNullOrWhiteSpace(site.SmtpHost)) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var sent = 0;
        foreach (var message in due)
        {
            try
            {
                await transport.SendAsync(message, site, ct);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                if (message.Sensitive) message.TextBody = "(removed once sent: it held a one-time secret)";
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                if (message.Attempts > Backoff.Length) message.FailedAt = now;
                else message.NextAttemptAt = now + Backoff[message.Attempts - 1];
                logger.LogWarning("Mail {Id} could not be sent (attempt {Attempt}): {Error}", message.Id, message.Attempts, message.LastError);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}
