using Microsoft.EntityFrameworkCore;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Data;

namespace Parley.Web.Auth.Providers;

/// <summary>What the owner types to switch on an outside sign-in. Secret empty on an edit = keep the saved one.</summary>
public sealed class ProviderInput
{
    public string? Key { get; set; }
    public SignInProviderKind Kind { get; set; }
    public string? Preset { get; set; }
    public string? DisplayName { get; set; }
    public string? Authority { get; set; }
    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? UserInfoEndpoint { get; set; }
    public string? Scopes { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public bool Enabled { get; set; } = true;
    public int SortOrder { get; set; }
}

/// <summary>Saves sign-in providers (validated, secret encrypted) and puts the change into effect at once.</summary>
public sealed class SignInProviderStore(ParleyDbContext db, SignInProviderRegistry registry, TimeProvider clock)
{
    public Task<List<SignInProvider>> AllAsync(CancellationToken ct = default) =>
        db.SignInProviders.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.DisplayName).ToListAsync(ct);

    public Task<SignInProvider?> FindAsync(string key, CancellationToken ct = default) =>
        db.SignInProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, ct);

    public async Task<SignInProvider> SaveAsync(ProviderInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        var key = input.Key?.Trim().ToLowerInvariant() ?? "";
        if (!System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z0-9][a-z0-9-]{0,38}$"))
            Error(nameof(input.Key), "Use 1 to 39 lower-case letters, digits and dashes, like \"google\" or \"my-idp\".");
        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > 100)
            Error(nameof(input.DisplayName), "Give the button a name of up to 100 characters, like \"Google\".");
        if (input.Kind != SignInProviderKind.Fediverse && string.IsNullOrWhiteSpace(input.ClientId))
            Error(nameof(input.ClientId), "Enter the client id the provider gave you.");
        var existing = await db.SignInProviders.FirstOrDefaultAsync(p => p.Key == key, ct);
        if (input.Kind != SignInProviderKind.Fediverse && string.IsNullOrEmpty(input.ClientSecret) && existing?.ClientSecretProtected is null)
            Error(nameof(input.ClientSecret), "Enter the client secret the provider gave you.");
        switch (input.Kind)
        {
            case SignInProviderKind.OpenIdConnect when !IsEndpoint(input.Authority):
                Error(nameof(input.Authority), "Enter the issuer address, starting with https://, like https://accounts.google.com.");
                break;
            case SignInProviderKind.OAuth:
                foreach (var (field, value) in new[] { (nameof(input.AuthorizationEndpoint), input.AuthorizationEndpoint), (nameof(input.TokenEndpoint), input.TokenEndpoint), (nameof(input.UserInfoEndpoint), input.UserInfoEndpoint) })
                    if (!IsEndpoint(value)) Error(field, "Enter an address starting with https://.");
                break;
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var provider = existing ?? db.SignInProviders.Add(new SignInProvider { Key = key, DisplayName = "" }).Entity;
        provider.Kind = input.Kind;
        provider.Preset = input.Preset?.Trim().ToLowerInvariant();
        provider.DisplayName = input.DisplayName!.Trim();
        provider.Authority = input.Authority?.Trim();
        provider.AuthorizationEndpoint = input.AuthorizationEndpoint?.Trim();
        provider.TokenEndpoint = input.TokenEndpoint?.Trim();
        provider.UserInfoEndpoint = input.UserInfoEndpoint?.Trim();
        provider.Scopes = input.Scopes?.Trim() ?? "";
        provider.ClientId = input.ClientId?.Trim();
        if (!string.IsNullOrEmpty(input.ClientSecret)) provider.ClientSecretProtected = registry.Protect(input.ClientSecret);
        provider.Enabled = input.Enabled;
        provider.SortOrder = input.SortOrder;
        provider.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await registry.ReloadAsync(db, ct);
        return provider;
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        await db.SignInProviders.Where(p => p.Key == key).ExecuteDeleteAsync(ct);
        await registry.ReloadAsync(db, ct);
    }

    /// <summary>https everywhere; plain http only for a provider on this machine.</summary>
    private static bool IsEndpoint(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && url!.Trim().Length <= 500 &&
        (uri.Scheme == Uri.UriSchemeHttps || ProviderOptionsSetup.IsLoopbackHttp(url));
}

