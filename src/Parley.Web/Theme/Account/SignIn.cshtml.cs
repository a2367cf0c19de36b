using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Core.Accounts;
using Parley.Web.Auth;
using Parley.Web.Auth.Providers;

namespace Parley.Web.Theme.Account;

/// <summary>
/// One sign-in page for everyone: the outside providers the owner switched on, a fediverse server, an
/// emailed code, a passkey, and email + password for staff accounts.
/// </summary>
public sealed class SignInModel(SignInManager<ParleyUser> signIn, SignInThrottle throttle, SignInProviderRegistry providers,
    EmailSignIn emailSignIn, SecurityLog log) : ThemePageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Remember { get; set; } = true;
    [BindProperty] public string? CodeEmail { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public string? Problem { get; set; }
    public string? Error { get; private set; }
    public string? CodeError { get; private set; }
    public IReadOnlyList<SignInProvider> Providers => providers.Enabled;
    public string? CurrentName { get; private set; }

    public async Task OnGetAsync()
    {
        SetMeta();
        if (User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(User) is { } me)
            CurrentName = me.DisplayName + (User.FindFirst(ReaderSignIn.ViaClaim)?.Value is { } via ? " via " + via : "");
        Error = SignInProblems.Message(Problem);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        SetMeta();
        var email = Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(Password) || email.Length > 256 || Password.Length > 1024)
            return Fail(StatusCodes.Status400BadRequest, "Enter your email address and your password.");
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.WaitBeforePassword(ip, email) is { } wait)
        {
            Parley.Web.Hosting.RetryAfter.Set(Response, wait);
            return Fail(StatusCodes.Status429TooManyRequests, $"Too many wrong passwords. Wait {Parley.Web.Hosting.RetryAfter.Seconds(wait)} seconds and try again.");
        }
        // Staff accounts are named by their email address; readers have no password, so they never match here.
        var user = await signIn.UserManager.FindByNameAsync(email);
        var result = user is null || user.DeactivatedAt is not null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, Remember, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = ReaderSignIn.SafeReturn(Url, ReturnUrl, "/admin"), remember = Remember });
        if (!result.Succeeded)
        {
            throttle.PasswordFailed(ip, email);
            await log.RecordAsync(SecurityLog.Kinds.SignInFailed, user?.Id, "password", ip);
            // The same words whether or not the address has an account.
            return Fail(StatusCodes.Status400BadRequest, "That email address and password do not match an account.");
        }
        throttle.PasswordSucceeded(email);
        user!.LastSignInAt = DateTime.UtcNow;
        await signIn.UserManager.UpdateAsync(user);
        await log.RecordAsync(SecurityLog.Kinds.SignIn, user.Id, "password", ip);
        return LocalRedirect(ReaderSignIn.SafeReturn(Url, ReturnUrl, "/admin"));
    }

    /// <summary>Sends a one-time code and link; the answer is the same whether or not the address is known.</summary>
    public async Task<IActionResult> OnPostCodeAsync()
    {
        SetMeta();
        var email = CodeEmail?.Trim() ?? "";
        if (email.Length is 0 or > 254 || !new EmailAddressAttribute().IsValid(email) || !email.Contains('.', StringComparison.Ordinal))
        {
            CodeError = "Enter your email address, like name@example.com.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (throttle.TryEmailCode(HttpContext.Connection.RemoteIpAddress?.ToString(), email) is { } wait)
        {
            Parley.Web.Hosting.RetryAfter.Set(Response, wait);
            CodeError = $"Several codes were sent a moment ago. Wait {Math.Ceiling(wait.TotalMinutes)} minutes, or use the last code you received.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var request = await emailSignIn.SendAsync(email, ReaderSignIn.SafeReturn(Url, ReturnUrl), HttpContext.RequestAborted);
        return RedirectToPage("/Account/Code", new { requestId = request });
    }

    private void SetMeta()
    {
        Meta.Title = "Sign in";
        Meta.NoIndex = true;
    }

    private PageResult Fail(int status, string message)
    {
        Error = message;
        Password = null;
        Response.StatusCode = status;
        return Page();
    }
}
