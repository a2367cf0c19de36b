using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Core.Accounts;
using Parley.Web.Auth;

namespace Parley.Web.Theme.Account;

/// <summary>Password sign-in for staff. Reader sign-in (outside accounts, email codes, passkeys) comes with the identity work.</summary>
public sealed class SignInModel(SignInManager<ParleyUser> signIn, SignInThrottle throttle) : ThemePageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Remember { get; set; } = true;
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
        Meta.Title = "Sign in";
        Meta.NoIndex = true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Meta.Title = "Sign in";
        Meta.NoIndex = true;
        var email = Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(Password) || email.Length > 256 || Password.Length > 1024)
            return Fail(StatusCodes.Status400BadRequest, "Enter your email address and your password.");
        if (throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress?.ToString(), email) is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Fail(StatusCodes.Status429TooManyRequests, $"Too many attempts. Wait {Math.Ceiling(wait.TotalSeconds)} seconds and try again.");
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password, Remember, lockoutOnFailure: false);
        if (!result.Succeeded)
            return Fail(StatusCodes.Status400BadRequest, "That email address and password do not match an account.");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
    }

    private PageResult Fail(int status, string message)
    {
        Error = message;
        Password = null;
        Response.StatusCode = status;
        return Page();
    }
}
