namespace Parley.Core.Accounts;

/// <summary>
/// Who an outside provider says signed in. <see cref="Issuer"/> + <see cref="Subject"/> is the key:
/// never the email alone, which a provider may let anyone claim.
/// </summary>
/// <param name="Issuer">The OpenID Connect issuer, the OAuth service's name or "email".</param>
/// <param name="Subject">The provider's stable id for the person.</param>
/// <param name="ProviderName">What readers see in the badge ("GitHub", "Email", "mastodon.social").</param>
/// <param name="Name">Untrusted: cleaned by <see cref="ReaderAccounts.CleanName"/> before use.</param>
/// <param name="Email">Untrusted unless <paramref name="EmailVerified"/>.</param>
/// <param name="EmailVerified">Whether the provider vouches for the address.</param>
public sealed record OutsideIdentity(string Issuer, string Subject, string ProviderName, string? Name, string? Email, bool EmailVerified)
{
    /// <summary>The identity an emailed code proves: the address itself.</summary>
    public static OutsideIdentity ForEmail(string email) =>
        new(EmailIssuer, email.Trim().ToLowerInvariant(), "Email", null, email.Trim(), true);

    public const string EmailIssuer = "email";
}
