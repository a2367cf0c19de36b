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
/// A stand-in for an Akismet-compatible service (the one outside service that cannot run here), on a
/// loopback port: "spam" in a comment means spam, "slow" makes it hang past the timeout, "broken" answers 500.
/// </summary>
public sealed class FakeAkismet : IAsyncDisposable
{
    private readonly WebApplication _app;
    public List<Dictionary<string, string>> Requests { get; } = [];

    private FakeAkismet(WebApplication app) => _app = app;

    public string Endpoint => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeAkismet> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAkismet(app);
        app.MapPost("/1.1/comment-check", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            lock (fake.Requests) fake.Requests.Add(fields);
            var content = fields.GetValueOrDefault("comment_content") ?? "";
            if (content.Contains("slow")) await Task.Delay(TimeSpan.FromSeconds(30), request.HttpContext.RequestAborted);
            if (content.Contains("broken")) return Results.StatusCode(500);
            return Results.Text(content.Contains("spam") ? "true" : "false");
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
