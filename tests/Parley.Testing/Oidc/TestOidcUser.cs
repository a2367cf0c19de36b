namespace Parley.Testing.Oidc;

/// <summary>The person who signs in at the test provider; the subject is derived from the username so it stays stable.</summary>
public sealed record TestOidcUser(string Username, string DisplayName, string Email, bool EmailVerified)
{
    public string Subject => "user-" + Username;
}
