using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Core.Accounts;
using Parley.Web.Auth;

namespace Parley.Web.Theme.Account;

/// <summary>The second step after a correct password: a code from the authenticator app, or a recovery code.</summary>
public sealed class TwoFactorModel(SignInManager<ParleyUser> signIn, SignInThrottle throttle, SecurityLog log) : ThemePageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Remember { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public bool RememberDevice { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Meta.Title = "Two-factor sign-in";
        Meta.NoIndex = true;
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/account/signin") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Meta.Title = "Two-factor sign-in";
        Meta.NoIndex = true;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return LocalRedirect("/account/signin");
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.WaitBeforePassword(ip, "2fa:" + user.Id) is { } wait)
        {
            Parley.Web.Hosting.RetryAfter.Set(Response, wait);
            return Fail(StatusCodes.Status429TooManyRequests, $"Too many wrong codes. Wait {Parley.Web.Hosting.RetryAfter.Seconds(wait)} seconds.");
        }
        var typed = (Code ?? "").Trim();
        var digits = new string(typed.Where(char.IsAsciiDigit).ToArray());
        var result = digits.Length == 6 && typed.Length <= 7
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, Remember, RememberDevice)
            : typed.Length is > 0 and <= 40 ? await signIn.TwoFactorRecoveryCodeSignInAsync(typed.Replace(" ", "", StringComparison.Ordinal)) : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (!result.Succeeded)
        {
            throttle.PasswordFailed(ip, "2fa:" + user.Id);
            await log.RecordAsync(SecurityLog.Kinds.SignInFailed, user.Id, "second factor", ip);
            return Fail(StatusCodes.Status400BadRequest, "That code is not right. Type the six digits your app shows now, or a recovery code.");
        }
        throttle.PasswordSucceeded("2fa:" + user.Id);
        await log.RecordAsync(SecurityLog.Kinds.SignIn, user.Id, digits.Length == 6 ? "password + authenticator" : "password + recovery code", ip);
        return LocalRedirect(ReaderSignIn.SafeReturn(Url, ReturnUrl, "/admin"));
    }

    private PageResult Fail(int status, string message)
    {
        Error = message;
        Code = null;
        Response.StatusCode = status;
        return Page();
    }
}
