using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Data.Tests.Comments;

/// <summary>The steps the outbox tests share. Each call runs in a scope of its own, as a separate request or process would.</summary>
internal static class Outbox
{
    public static Task UseSmtpPortAsync(TestDatabase db, int port) => db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().SaveAsync(s =>
        (s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpFrom) = ("127.0.0.1", port, SmtpSecurity.None, "blog@example.org"), DateTime.UtcNow));

    public static Task EnqueueAsync(TestDatabase db, params string[] subjects) => db.InScopeAsync(async sp =>
    {
        foreach (var subject in subjects) sp.GetRequiredService<MailQueue>().Enqueue("reader@example.org", subject, "Body text");
        await sp.GetRequiredService<ParleyDbContext>().SaveChangesAsync();
    });

    /// <summary>One delivery round with its own <see cref="MailQueue"/> and database connection.</summary>
    public static Task<int> DeliverAsync(TestDatabase db, CancellationToken ct = default) => db.InScopeAsync(async sp =>
    {
        // Returns to the caller at once, so two rounds started together really run side by side.
        await Task.Yield();
        return await sp.GetRequiredService<MailQueue>().DeliverDueAsync(ct: ct);
    });

    /// <summary>A loopback port nothing listens on: a mail server that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
