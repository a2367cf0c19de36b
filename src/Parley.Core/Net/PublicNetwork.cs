using System.Net;
using System.Net.Sockets;

namespace Parley.Core.Net;

/// <summary>
/// Outbound requests to addresses a reader or an import file chose go only to the public internet:
/// never to this machine, the private network or cloud metadata addresses (server-side request forgery).
/// The check runs when the socket connects, on the address actually used, so DNS tricks do not get past it.
/// </summary>
public static class PublicNetwork
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || address.IsIPv6Teredo);
        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224 ||
                 (b[0] == 100 && b[1] >= 64 && b[1] < 128) ||    // carrier-grade NAT
                 (b[0] == 169 && b[1] == 254) ||                 // link-local, cloud metadata
                 (b[0] == 172 && b[1] >= 16 && b[1] < 32) ||
                 (b[0] == 192 && b[1] == 168) ||
                 (b[0] == 192 && b[1] == 0 && b[2] == 0) ||
                 (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
    }

    /// <summary>
    /// An HTTP handler that refuses to connect anywhere but the public internet (loopback too when
    /// <paramref name="allowLoopback"/>, for tests and development), with no automatic redirects.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(bool allowLoopback = false) => new()
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => IsPublic(a) || (allowLoopback && IPAddress.IsLoopback(a))).ToArray();
            if (allowed.Length == 0)
                throw new HttpRequestException($"{context.DnsEndPoint.Host} is not on the public internet; Parley does not connect to it.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
