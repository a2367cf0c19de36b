using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;
using Parley.Core.Data;

namespace Parley.Web.Auth.Providers;

/// <summary>
/// The outside sign-ins the owner switched on, each an authentication scheme named <c>ext-{key}</c>.
/// Schemes are added and replaced while Parley runs, so a provider saved in the admin area works on
/// the next request without a restart (the framework's scheme provider and options cache allow it).
/// </summary>
public sealed class SignInProviderRegistry(
    IAuthenticationSchemeProvider schemes, IDataProtectionProvider protection, IOptions<Parley.Web.Hosting.ParleyOptions> parley,
    IOptionsMonitorCache<OpenIdConnectOptions> oidcCache, IOptionsMonitorCache<OAuthOptions> oauthCache, IOptionsMonitorCache<FediverseOptions> fediverseCache)
{
    public const string SchemePrefix = "ext-";
    private readonly ConcurrentDictionary<string, ActiveProvider> _active = new();
    private readonly IDataProtector _secrets = protection.CreateProtector("Parley.SignInProviders.ClientSecret");

    /// <summary>A provider as the handlers need it, with its secret decrypted.</summary>
    public sealed record ActiveProvider(SignInProvider Provider, string? ClientSecret)
    {
        public string Scheme => SchemePrefix + Provider.Key;
    }

    /// <summary>Enabled providers in the owner's order, for the sign-in page's buttons.</summary>
    public IReadOnlyList<SignInProvider> Enabled =>
        _active.Values.Select(a => a.Provider).OrderBy(p => p.SortOrder).ThenBy(p => p.DisplayName).ToList();

    /// <summary>Fediverse servers reachable over plain http (tests only).</summary>
    public bool FediverseOverHttp => parley.Value.SignIn.FediverseOverHttp;

    public ActiveProvider? Find(string scheme) => _active.GetValueOrDefault(scheme);

    public ActiveProvider? FindByKey(string key) => _active.GetValueOrDefault(SchemePrefix + key);

    public string Protect(string secret) => _secrets.Protect(secret);

    /// <summary>The plain secret, for an archive that must carry it to a site with other keys.</summary>
    public string Unprotect(string protectedSecret) => _secrets.Unprotect(protectedSecret);

    /// <summary>Loads every provider from the database (at start, and after a change).</summary>
    public async Task ReloadAsync(ParleyDbContext db, CancellationToken ct = default)
    {
        var providers = await db.SignInProviders.AsNoTracking().ToListAsync(ct);
        foreach (var scheme in _active.Keys.ToList())
            if (!providers.Any(p => p.Enabled && SchemePrefix + p.Key == scheme)) Remove(scheme);
        foreach (var provider in providers.Where(p => p.Enabled)) Apply(provider);
    }

    private void Apply(SignInProvider provider)
    {
        var secret = provider.ClientSecretProtected is { Length: > 0 } protectedSecret ? _secrets.Unprotect(protectedSecret) : null;
        var active = new ActiveProvider(provider, secret);
        Remove(active.Scheme);
        _active[active.Scheme] = active;
        var handler = provider.Kind switch
        {
            SignInProviderKind.OpenIdConnect => typeof(OpenIdConnectHandler),
            SignInProviderKind.OAuth => typeof(OAuthHandler<OAuthOptions>),
            _ => typeof(FediverseHandler),
        };
        schemes.AddScheme(new AuthenticationScheme(active.Scheme, provider.DisplayName, handler));
    }

    private void Remove(string scheme)
    {
        _active.TryRemove(scheme, out _);
        schemes.RemoveScheme(scheme);
        // The handlers read their options once per scheme name; forget them so the next use rebuilds them.
        oidcCache.TryRemove(scheme);
        oauthCache.TryRemove(scheme);
        fediverseCache.TryRemove(scheme);
    }
}
