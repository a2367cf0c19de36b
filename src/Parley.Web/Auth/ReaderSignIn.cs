using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Parley.Core.Accounts;

namespace Parley.Web.Auth;

/// <summary>
/// The last step of every sign-in that is not a staff password: an outside provider, an emailed code,
/// a passkey. Finds or makes the account, refuses deactivated ones, and issues a fresh cookie that
/// remembers which identity was used (the badge on comments, "Commenting as NAME via PROVIDER").
/// </summary>
public sealed class ReaderSignIn(SignInManager<ParleyUser> signIn, ReaderAccounts readers, SecurityLog log, TimeProvider clock)
{
    public const string ViaClaim = "parley:via";

    /// <param name="Problem">One of <see cref="SignInProblems"/> when the sign-in was refused.</param>
    public sealed record Outcome(ParleyUser? User, string? Problem);

    public async Task<Outcome> SignInAsync(HttpContext http, OutsideIdentity identity, bool remember = true)
    {
        var user = await readers.FindOrCreateAsync(identity);
        return await SignInAsync(http, user, identity.ProviderName, remember);
    }

    public async Task<Outcome> SignInAsync(HttpContext http, ParleyUser user, string via, bool remember = true)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if (user.DeactivatedAt is not null)
        {
            await log.RecordAsync(SecurityLog.Kinds.SignInFailed, user.Id, "deactivated account, via " + via, ip);
            return new Outcome(null, SignInProblems.Deactivated);
        }
        // Staff sign in with their password and second factor; an outside identity linked to a staff
        // account must not become a way around them.
        if ((await signIn.UserManager.GetRolesAsync(user)).Count > 0 && via != PasskeyVia)
        {
            await log.RecordAsync(SecurityLog.Kinds.SignInFailed, user.Id, "staff account through " + via, ip);
            return new Outcome(null, SignInProblems.Staff);
        }
        await signIn.SignInWithClaimsAsync(user, remember, [new Claim(ViaClaim, via), new Claim("amr", via == PasskeyVia ? "hwk" : "ext")]);
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await signIn.UserManager.UpdateAsync(user);
        await log.RecordAsync(SecurityLog.Kinds.SignIn, user.Id, "via " + via, ip);
        return new Outcome(user, null);
    }

    public const string PasskeyVia = "Passkey";

    /// <summary>Where to go after signing in: a local address only, never another site.</summary>
    public static string SafeReturn(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : fallback;
}
