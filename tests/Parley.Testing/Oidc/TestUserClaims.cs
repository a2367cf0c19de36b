using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Parley.Testing.Oidc;

/// <summary>Turns a <see cref="TestOidcUser"/> into the principals the provider signs in: its own session, and the one tokens are made from.</summary>
internal static class TestUserClaims
{
    private const string AuthenticationType = "TestOidcProvider";

    /// <summary>The principal OpenIddict issues the code from, with each claim sent where a real provider would send it.</summary>
    public static ClaimsPrincipal ForTokens(TestOidcUser user, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.Username)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailVerified); // a JSON boolean in the tokens, not the string "true"
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    // Profile and email claims are released only for the scope that asks for them, in the id_token
    // (which the relying party reads) and in the access token (which the userinfo endpoint reads).
    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name or Claims.PreferredUsername when identity.HasScope(Scopes.Profile) =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Email or Claims.EmailVerified when identity.HasScope(Scopes.Email) =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };

    /// <summary>The provider's own session cookie: just enough to sign the same user in again without the form.</summary>
    public static ClaimsPrincipal ForSession(TestOidcUser user) => new(new ClaimsIdentity(
    [
        new Claim(Claims.PreferredUsername, user.Username),
        new Claim(Claims.Name, user.DisplayName),
        new Claim(Claims.Email, user.Email),
        new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false"),
    ], AuthenticationType));

    public static TestOidcUser FromSession(ClaimsPrincipal session) => new(
        session.FindFirst(Claims.PreferredUsername)!.Value,
        session.FindFirst(Claims.Name)!.Value,
        session.FindFirst(Claims.Email)!.Value,
        session.FindFirst(Claims.EmailVerified)!.Value == "true");
}
