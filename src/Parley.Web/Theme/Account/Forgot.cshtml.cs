using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Web.Auth;

namespace Parley.Web.Theme.Account;

/// <summary>
/// "Forgot your password?" for accounts that have one (staff). The page says the same thing whether or
/// not the address has an account; the mail holds a link that works once, for a limited time.
/// </summary>
public sealed class ForgotModel(UserManager<ParleyUser> users, MailQueue mail, ParleyDbContext db, ISiteLinks links,
    SignInThrottle throttle, SecurityLog log) : ThemePageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() => SetMeta();

    public async Task<IActionResult> OnPostAsync()
    {
        SetMeta();
        var email = Email?.Trim() ?? "";
        if (email.Length is 0 or > 254 || !new EmailAddressAttribute().IsValid(email))
        {
            Error = "Enter the email address of your account.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (throttle.TryEmailCode(HttpContext.Connection.RemoteIpAddress?.ToString(), email) is { } wait)
        {
            Parley.Web.Hosting.RetryAfter.Set(Response, wait);
            Error = $"Several emails were sent a moment ago. Wait {Math.Ceiling(wait.TotalMinutes)} minutes, or use the last one.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var user = await users.FindByNameAsync(email);
        if (user is { DeactivatedAt: null } && await users.HasPasswordAsync(user))
        {
            var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = links.Absolute($"/account/reset?userId={Uri.EscapeDataString(user.Id)}&token={token}");
            mail.Enqueue(user.Email!, $"Reset your password for {Site.Settings.Title}",
                $"Someone (we hope you) asked to reset the password of your account on {Site.Settings.Title}.\n\n" +
                $"Choose a new password here:\n{link}\n\nThe link works once, for the next few hours. If it was not you, ignore this message: your password has not changed.\n",
                sensitive: true);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            await log.RecordAsync(SecurityLog.Kinds.PasswordReset, user.Id, "link sent", HttpContext.Connection.RemoteIpAddress?.ToString());
        }
        Sent = true;
        return Page();
    }

    private void SetMeta()
    {
        Meta.Title = "Reset your password";
        Meta.NoIndex = true;
    }
}
