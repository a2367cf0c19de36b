using Parley.Core.Accounts;

namespace Parley.Web.Auth.Providers;

/// <summary>Starting points for the providers most sites want; the owner adds their own client id and secret.</summary>
public static class ProviderPresets
{
    public sealed record Preset(string Key, string DisplayName, SignInProviderKind Kind, string? Authority = null,
        string? AuthorizationEndpoint = null, string? TokenEndpoint = null, string? UserInfoEndpoint = null, string Scopes = "", string? Note = null);

    public static readonly IReadOnlyList<Preset> All =
    [
        new("google", "Google", SignInProviderKind.OpenIdConnect, Authority: "https://accounts.google.com",
            Note: "Google Cloud console → APIs & Services → Credentials → OAuth client ID (web application)."),
        new("microsoft", "Microsoft", SignInProviderKind.OpenIdConnect, Authority: "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
            Note: "Personal Microsoft accounts. Azure portal → App registrations → New registration (web)."),
        new("gitlab", "GitLab", SignInProviderKind.OpenIdConnect, Authority: "https://gitlab.com",
            Note: "GitLab → Preferences → Applications; scopes openid, profile, email."),
        new("github", "GitHub", SignInProviderKind.OAuth, AuthorizationEndpoint: "https://github.com/login/oauth/authorize",
            TokenEndpoint: "https://github.com/login/oauth/access_token", UserInfoEndpoint: "https://api.github.com/user", Scopes: "read:user user:email",
            Note: "GitHub → Settings → Developer settings → OAuth Apps → New OAuth App."),
        new("wordpress", "WordPress.com", SignInProviderKind.OAuth, AuthorizationEndpoint: "https://public-api.wordpress.com/oauth2/authorize",
            TokenEndpoint: "https://public-api.wordpress.com/oauth2/token", UserInfoEndpoint: "https://public-api.wordpress.com/rest/v1/me", Scopes: "auth",
            Note: "developer.wordpress.com/apps → Create New Application."),
        new("fediverse", "Mastodon", SignInProviderKind.Fediverse,
            Note: "Nothing to register: readers type their server, and Parley registers itself there on first use."),
        new("oidc", "Other OpenID Connect", SignInProviderKind.OpenIdConnect, Note: "Any provider with a discovery document at /.well-known/openid-configuration."),
    ];

    public static Preset? Find(string? key) => All.FirstOrDefault(p => p.Key == key);
}
