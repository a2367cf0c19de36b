namespace Parley.Core.Notifications;

/// <summary>The seam to the outside world's mail servers; the SMTP implementation is <see cref="SmtpMailTransport"/>.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, Settings.SiteSettings settings, CancellationToken ct);
}
