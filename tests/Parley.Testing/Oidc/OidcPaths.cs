namespace Parley.Testing.Oidc;

/// <summary>The provider's endpoint paths; discovery and JWKS keep OpenIddict's defaults under /.well-known/.</summary>
internal static class OidcPaths
{
    public const string Authorization = "/connect/authorize";
    public const string Token = "/connect/token";
    public const string UserInfo = "/connect/userinfo";
    public const string EndSession = "/connect/logout";
}
