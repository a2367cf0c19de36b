using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Web.Hosting;

namespace Parley.Web.Auth.Providers;

/// <summary>
/// Parley's registration as an OAuth app on each fediverse server readers come from: made once per
/// server (<c>POST /api/v1/apps</c>) and kept, its secret encrypted.
/// </summary>
public sealed class FediverseApps(IServiceScopeFactory scopes, IHttpClientFactory http, IDataProtectionProvider protection, IOptions<ParleyOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "fediverse";
    private readonly IDataProtector _secrets = protection.CreateProtector("Parley.FediverseApps.ClientSecret");
    private readonly SemaphoreSlim _registering = new(1, 1);

    public sealed record App(string Server, string BaseUrl, string ClientId, string ClientSecret);

    /// <summary>
    /// The host name in what a reader typed: "mastodon.social", "https://mastodon.social/" or
    /// "@someone@mastodon.social". Null when it is not a plausible host name.
    /// </summary>
    public static string? ParseServer(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length is 0 or > 300) return null;
        if (text.StartsWith('@') || (text.Contains('@') && !text.Contains("://"))) text = text[(text.LastIndexOf('@') + 1)..];
        if (!text.Contains("://")) text = "https://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0) return null;
        if (uri.HostNameType != UriHostNameType.Dns && uri.HostNameType != UriHostNameType.IPv4) return null;
        return uri.IsDefaultPort ? uri.Host.ToLowerInvariant() : $"{uri.Host.ToLowerInvariant()}:{uri.Port}";
    }

    public string BaseUrlOf(string server) => (options.Value.SignIn.FediverseOverHttp ? "http://" : "https://") + server;

    public async Task<App?> FindAsync(string server, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var saved = await db.Set<FediverseApp>().AsNoTracking().FirstOrDefaultAsync(a => a.Server == server, ct);
        return saved is null ? null : new App(saved.Server, BaseUrlOf(saved.Server), saved.ClientId, _secrets.Unprotect(saved.ClientSecretProtected));
    }

    public async Task<App> GetOrRegisterAsync(string server, string redirectUri, CancellationToken ct)
    {
        if (await FindAsync(server, ct) is { } known) return known;
        await _registering.WaitAsync(ct);
        try
        {
            if (await FindAsync(server, ct) is { } raced) return raced;
            var client = http.CreateClient(HttpClientName);
            using var response = await client.PostAsync(BaseUrlOf(server) + "/api/v1/apps", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_name"] = "Parley", ["redirect_uris"] = redirectUri, ["scopes"] = FediverseHandler.Scope,
                ["website"] = redirectUri[..redirectUri.IndexOf('/', "https://".Length)],
            }), ct);
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{server} refused to register Parley ({(int)response.StatusCode}).");
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var id = ProviderOptionsSetup.Get(json, "client_id")?.GetString();
            var secret = ProviderOptionsSetup.Get(json, "client_secret")?.GetString();
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret)) throw new HttpRequestException($"{server} did not give Parley a client id and secret.");
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            db.Add(new FediverseApp { Server = server, ClientId = id, ClientSecretProtected = _secrets.Protect(secret), CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            return new App(server, BaseUrlOf(server), id, secret);
        }
        finally
        {
            _registering.Release();
        }
    }
}
