using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parley.Testing;

/// <summary>Another site on another loopback port serving one fixed HTML page: a static blog that embeds Parley.</summary>
public sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    public string Origin { get; }

    private StaticSite(WebApplication app, string origin) => (_app, Origin) = (app, origin);

    public static async Task<StaticSite> StartAsync(Func<string> html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html(), "text/html; charset=utf-8"));
        await app.StartAsync();
        return new StaticSite(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
