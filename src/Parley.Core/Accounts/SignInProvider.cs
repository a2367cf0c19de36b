namespace Parley.Core.Accounts;

/// <summary>
/// An outside sign-in the site owner switched on: an OpenID Connect issuer, an OAuth 2 service with a
/// user endpoint (GitHub, WordPress.com), or the fediverse (the reader names their own server).
/// </summary>
public class SignInProvider
{
    public int Id { get; set; }
    /// <summary>Short lower-case name, part of the callback address (<c>/signin-{Key}</c>); never changes once made.</summary>
    public required string Key { get; set; }
    public SignInProviderKind Kind { get; set; }
    /// <summary>Which preset shaped it ("google", "github", ...); decides how an OAuth user endpoint is read.</summary>
    public string? Preset { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>OpenID Connect issuer; its discovery document gives the endpoints and keys.</summary>
    public string? Authority { get; set; }
    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? UserInfoEndpoint { get; set; }
    public string Scopes { get; set; } = "";
    public string? ClientId { get; set; }
    /// <summary>Encrypted with the site's Data Protection keys; never shown again once saved.</summary>
    public string? ClientSecretProtected { get; set; }
    public bool Enabled { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum SignInProviderKind { OpenIdConnect = 0, OAuth = 1, Fediverse = 2 }

/// <summary>Parley registered as an app on a fediverse server, once per server, on the first sign-in from it.</summary>
public class FediverseApp
{
    public int Id { get; set; }
    /// <summary>Host name, lower case (e.g. <c>mastodon.social</c>).</summary>
    public required string Server { get; set; }
    public required string ClientId { get; set; }
    public required string ClientSecretProtected { get; set; }
    public DateTime CreatedAt { get; set; }
}
