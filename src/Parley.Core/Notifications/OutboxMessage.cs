namespace Parley.Core.Notifications;

/// <summary>
/// An email waiting to be sent. Mail goes through this table so that it survives a restart and a
/// failing mail server is retried with backoff instead of losing the message.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    /// <summary>One-click unsubscribe address (RFC 8058), when the mail belongs to a subscription.</summary>
    public string? UnsubscribeUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Set when delivery was given up after the last attempt.</summary>
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// Set while one process is sending the message: no other process takes it until then. Only a process
    /// that stopped mid-send leaves it set; once the time passes, the message is due again.
    /// </summary>
    public DateTime? ClaimedUntil { get; set; }
    /// <summary>Holds a secret (a sign-in code, a reset link): the body is wiped once it has been handed over.</summary>
    public bool Sensitive { get; set; }
}
