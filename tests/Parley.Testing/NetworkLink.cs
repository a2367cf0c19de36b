using System.Net;
using System.Net.Sockets;

namespace Parley.Testing;

/// <summary>
/// A TCP link from a loopback port to a server (Redis) that a test cuts and mends, as a network outage would: cut,
/// every connection through it is closed and new ones are closed as soon as they open; mended, it forwards again.
/// </summary>
public sealed class NetworkLink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private readonly string _host;
    private readonly int _port;
    private bool _cut;

    /// <param name="target"><c>host:port</c> of the server.</param>
    public NetworkLink(string target)
    {
        var colon = target.LastIndexOf(':');
        (_host, _port) = (target[..colon], int.Parse(target[(colon + 1)..]));
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary><c>127.0.0.1:port</c> to connect to instead of the server.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Cut()
    {
        lock (_lock)
        {
            _cut = true;
            foreach (var connection in _open) Reset(connection);
            _open.Clear();
        }
    }

    public void Mend()
    {
        lock (_lock) _cut = false;
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_lock)
        {
            if (_cut)
            {
                Reset(client);
                return;
            }
            _open.Add(client);
            _open.Add(server);
        }
        try
        {
            await server.ConnectAsync(_host, _port, _stop.Token);
            var (a, b) = (client.GetStream(), server.GetStream());
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception) { /* cut, or the other side went away */ }
        finally
        {
            lock (_lock)
            {
                _open.Remove(client);
                _open.Remove(server);
            }
            Reset(client);
            Reset(server);
        }
    }

    /// <summary>Closes with a reset, as a broken network looks to the client.</summary>
    private static void Reset(TcpClient connection)
    {
        try { connection.Client.LingerState = new LingerOption(true, 0); }
        catch (Exception) { /* never connected */ }
        connection.Dispose();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        _stop.Dispose();
    }
}
