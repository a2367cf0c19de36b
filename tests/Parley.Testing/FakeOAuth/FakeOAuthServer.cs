using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parley.Testing.FakeOAuth;

/// <summary>
/// Stands in for services that cannot run here: a Mastodon server (app registration, OAuth with PKCE,
/// verify_credentials) and GitHub (OAuth, /user, /user/emails), on a loopback port. It checks what a
/// real one checks: client id and secret, the redirect address, single-use codes and the PKCE verifier.
/// </summary>
public sealed class FakeOAuthServer : IAsyncDisposable
{
    public sealed record Person(string Id, string Login, string DisplayName, string? Email = null, bool EmailVerified = true);

    private sealed record App(string ClientId, string ClientSecret, string RedirectUri);
    private sealed record Grant(App App, string RedirectUri, string? Challenge, Person Person);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, App> _apps = new();
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Person> _tokens = new();

    /// <summary>Who "signs in" at the next authorization request.</summary>
    public Person SignedIn { get; set; } = new("1001", "fedi", "Fedi Verse");
    public int Registrations => _registrations;
    private int _registrations;

    public string BaseAddress { get; }
    /// <summary>"127.0.0.1:PORT": what a reader types as their server.</summary>
    public string Host => new Uri(BaseAddress).Authority;

    private FakeOAuthServer(WebApplication app, string baseAddress) => (_app, BaseAddress) = (app, baseAddress);

    public static async Task<FakeOAuthServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeOAuthServer? server = null;
        app.MapPost("/api/v1/apps", (HttpRequest r) => server!.Register(r));
        app.MapGet("/oauth/authorize", (HttpRequest r) => server!.Authorize(r));
        app.MapGet("/login/oauth/authorize", (HttpRequest r) => server!.Authorize(r));
        app.MapPost("/oauth/token", (HttpRequest r) => server!.TokenAsync(r));
        app.MapPost("/login/oauth/access_token", (HttpRequest r) => server!.TokenAsync(r));
        app.MapGet("/api/v1/accounts/verify_credentials", (HttpRequest r) => server!.Me(r, p => new { id = p.Id, username = p.Login, display_name = p.DisplayName }));
        app.MapGet("/user", (HttpRequest r) => server!.Me(r, p => new { id = long.Parse(p.Id), login = p.Login, name = p.DisplayName, email = (string?)null }));
        app.MapGet("/user/emails", (HttpRequest r) => server!.Me(r, p => new[] { new { email = p.Email, primary = true, verified = p.EmailVerified } }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeOAuthServer(app, address);
        return server;
    }

    /// <summary>A client registered ahead of time, as an owner does at GitHub.</summary>
    public void AddClient(string clientId, string clientSecret, string redirectUri) => _apps[clientId] = new App(clientId, clientSecret, redirectUri);

    private async Task<IResult> Register(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var app = new App(Random(), Random(), form["redirect_uris"].ToString());
        _apps[app.ClientId] = app;
        Interlocked.Increment(ref _registrations);
        return Results.Json(new { id = "1", name = form["client_name"].ToString(), client_id = app.ClientId, client_secret = app.ClientSecret, redirect_uri = app.RedirectUri });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (!_apps.TryGetValue(q["client_id"].ToString(), out var app)) return Results.BadRequest("unknown client");
        var redirect = q["redirect_uri"].ToString();
        if (redirect != app.RedirectUri) return Results.BadRequest("redirect_uri does not match the registration");
        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"])) return Results.BadRequest("PKCE required");
        var code = Random();
        _codes[code] = new Grant(app, redirect, q["code_challenge"], SignedIn);
        return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"] }));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        // Codes work once: removed whatever the outcome.
        if (!_codes.TryRemove(form["code"].ToString(), out var grant)) return Results.BadRequest(new { error = "invalid_grant" });
        var (id, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        if (request.Headers.Authorization.ToString() is { Length: > 6 } basic && basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
            (id, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        if (id != grant.App.ClientId || secret != grant.App.ClientSecret) return Results.BadRequest(new { error = "invalid_client" });
        if (form["redirect_uri"] != grant.RedirectUri) return Results.BadRequest(new { error = "invalid_grant" });
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.Challenge) return Results.BadRequest(new { error = "invalid_grant", error_description = "PKCE" });
        var token = Random();
        _tokens[token] = grant.Person;
        return Results.Json(new { access_token = token, token_type = "Bearer", scope = form["scope"].ToString() });
    }

    private IResult Me(HttpRequest request, Func<Person, object> shape) =>
        request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(auth[7..], out var person)
            ? Results.Json(shape(person))
            : Results.Unauthorized();

    private static string Random() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
