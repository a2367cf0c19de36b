using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Parley.Core.Settings;

namespace Parley.Core.Notifications;

/// <summary>Sends through the SMTP server named in the site settings, with MailKit.</summary>
public sealed class SmtpMailTransport : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, SiteSettings settings, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
            throw new InvalidOperationException("No SMTP server is configured (Settings → Mail).");
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.Title, settings.SmtpFrom));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to this address.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.Headers.Add("Auto-Submitted", "auto-generated");

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = settings.SmtpSecurity switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
