using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;
using Parley.Web.Auth;

namespace Parley.Web.Theme.Account;

/// <summary>Signing in with a passkey: options for <c>navigator.credentials.get</c>, then the signed answer checked by the framework.</summary>
public sealed class PasskeySignInModel(SignInManager<ParleyUser> signIn, ReaderSignIn readerSignIn, SignInThrottle throttle) : ThemePageModel
{
    public IActionResult OnGet() => LocalRedirect("/account/signin");

    public async Task<IActionResult> OnPostOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    public async Task<IActionResult> OnPostAsync(string? credential, string? returnUrl)
    {
        var back = ReaderSignIn.SafeReturn(Url, returnUrl);
        if (string.IsNullOrEmpty(credential) || credential.Length > 64 * 1024) return Problem(SignInProblems.Passkey, back);
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.WaitBeforePassword(ip, "passkey") is not null) return Problem(SignInProblems.Passkey, back);
        var assertion = await signIn.PerformPasskeyAssertionAsync(credential);
        if (!assertion.Succeeded)
        {
            throttle.PasswordFailed(ip, "passkey:" + ip);
            return Problem(SignInProblems.Passkey, back);
        }
        // The signature counter moved on; keeping it lets a cloned authenticator be noticed.
        await signIn.UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey);
        var outcome = await readerSignIn.SignInAsync(HttpContext, assertion.User, ReaderSignIn.PasskeyVia);
        return outcome.Problem is { } problem ? Problem(problem, back) : LocalRedirect(back);
    }

    private LocalRedirectResult Problem(string code, string back) =>
        LocalRedirect(SignInProblems.PageFor(code, back));
}
