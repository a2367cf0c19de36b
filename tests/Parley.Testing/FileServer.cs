using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parley.Testing;

/// <summary>
/// An old site's file server on a loopback port, for imports that download attachments: files by path, plus
/// whatever a test maps itself (redirects, errors, a server that never answers). Counts requests per path.
/// </summary>
public sealed class FileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    public string Origin { get; private set; } = "";
    public int Port => new Uri(Origin).Port;

    private FileServer(WebApplication app) => _app = app;

    /// <summary>Starts a server answering <paramref name="files"/> (path → bytes and type) and the routes <paramref name="map"/> adds.</summary>
    public static async Task<FileServer> StartAsync(IReadOnlyDictionary<string, (byte[] Bytes, string Type)> files, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FileServer(app);
        app.Use((context, next) =>
        {
            server._hits.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            return next(context);
        });
        foreach (var (path, (bytes, type)) in files) app.MapGet(path, () => Results.Bytes(bytes, type));
        map?.Invoke(app);
        await app.StartAsync();
        server.Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>How often <paramref name="path"/> was asked for.</summary>
    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
