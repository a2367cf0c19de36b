using System.Net;
using netDumbster.smtp;

namespace Parley.Testing;

/// <summary>A real SMTP server on a loopback port (netDumbster), holding what it receives for the test to read.</summary>
public sealed class TestSmtp : IDisposable
{
    private readonly SimpleSmtpServer _server;

    public TestSmtp() => _server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    public int Port => _server.Configuration.Port;

    public sealed record Mail(string To, string Subject, string Body, IReadOnlyDictionary<string, string> Headers);

    public IReadOnlyList<Mail> Received
    {
        get
        {
            // netDumbster copies its list without a lock; a mail arriving during the copy makes it throw. Try again.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return _server.ReceivedEmail.Select(m => new Mail(
                        m.ToAddresses[0].Address, m.Subject ?? "", m.MessageParts[0].BodyData,
                        m.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => m.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase))).ToList();
                }
                catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException or InvalidOperationException && attempt < 50)
                {
                    Thread.Sleep(10);
                }
            }
        }
    }

    /// <summary>Waits until a mail matching <paramref name="match"/> arrives (polling; never a fixed sleep), or fails after the timeout.</summary>
    public async Task<Mail> WaitForAsync(Func<Mail, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(match) is { } mail) return mail;
            await Task.Delay(50);
        }
        throw new TimeoutException("No matching mail arrived. Received: " + string.Join(" | ", Received.Select(m => $"{m.To}: {m.Subject}")));
    }

    public void Dispose() => _server.Stop();
}
