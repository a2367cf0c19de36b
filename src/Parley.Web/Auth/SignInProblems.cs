namespace Parley.Web.Auth;

/// <summary>
/// Why a sign-in was refused, as short codes carried in the address back to the sign-in page. Only
/// these codes are shown (as the sentences below), so no other site can put words on Parley's page.
/// </summary>
public static class SignInProblems
{
    public const string Provider = "provider";
    public const string Deactivated = "deactivated";
    public const string Staff = "staff";
    public const string Taken = "taken";
    public const string Server = "server";
    public const string Unknown = "unknown";
    public const string Link = "link";
    public const string Passkey = "passkey";

    /// <summary>The sign-in page showing <paramref name="code"/>'s sentence, keeping where the person was going.</summary>
    public static string PageFor(string code, string returnUrl) => $"/account/signin?problem={code}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string? Message(string? code) => code switch
    {
        Provider => "The sign-in with that account did not complete. Try again, or choose another way to sign in.",
        Deactivated => "This account has been deactivated. Ask the site's administrator.",
        Staff => "Staff accounts sign in with their email address and password.",
        Taken => "That account is already linked to another profile on this site.",
        Server => "Type the address of your fediverse server, for example mastodon.social.",
        Unknown => "That sign-in option is not available on this site.",
        Passkey => "That passkey did not sign you in. Try again, or choose another way to sign in.",
        Link => "That sign-in link has expired or was already used. Ask for a new code below.",
        _ => null,
    };
}
