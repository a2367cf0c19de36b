using System.Net;
using Parley.Core.Net;

namespace Parley.Core.Tests.Net;

/// <summary>Requests to addresses a reader or a file chose never reach this machine or the private network.</summary>
public sealed class PublicNetworkTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Private_loopback_and_link_local_addresses_are_not_public(string address) =>
        Assert.False(PublicNetwork.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    public void Internet_addresses_are_public(string address) => Assert.True(PublicNetwork.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task The_guarded_handler_refuses_to_connect_to_this_machine_whatever_the_name()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new HttpClient(PublicNetwork.CreateHandler());
        foreach (var url in new[] { $"http://127.0.0.1:{port}/", $"http://localhost:{port}/" })
        {
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url, TestContext.Current.CancellationToken));
            Assert.Contains("not on the public internet", error.Message);
        }
    }
}
