using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Core.Accounts;

namespace Parley.Web.Theme.Account;

/// <summary>
/// Password and two-factor sign-in (TOTP from an authenticator app, with recovery codes), and signing
/// out every other device. A changed password or "sign out everywhere" renews the security stamp, so
/// other devices' cookies stop working at their next check.
/// </summary>
[Authorize]
public sealed class SecurityModel(UserManager<ParleyUser> users, SignInManager<ParleyUser> signIn, SecurityLog log, AuthSessions sessions) : ThemePageModel
{
    public ParleyUser Me { get; private set; } = null!;
    public bool HasPassword { get; private set; }
    public bool TwoFactorOn { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Set while enrolling: the key to type into an authenticator app, and its otpauth address.</summary>
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    /// <summary>Shown once, right after they are made.</summary>
    public IEnumerable<string>? RecoveryCodes { get; private set; }
    public List<AuthSessions.Device> Devices { get; private set; } = [];
    /// <summary>This browser's session, marked in the list.</summary>
    public string? CurrentSession => User.FindFirst(Auth.DbTicketStore.SessionClaim)?.Value;
    public string? CurrentHandle => CurrentSession is { } key ? AuthSessions.Handle(key) : null;
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Challenge();
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? password, string? confirm)
    {
        if (!await LoadAsync()) return Challenge();
        if (string.IsNullOrEmpty(password) || password.Length > 1024 || password != confirm)
            return Fail("Type the new password twice, the same both times.");
        var result = HasPassword
            ? await users.ChangePasswordAsync(Me, current ?? "", password)
            : await users.AddPasswordAsync(Me, password);
        if (!result.Succeeded) return Fail(string.Join(" ", result.Errors.Select(e => e.Description)));
        await log.RecordAsync(SecurityLog.Kinds.PasswordChanged, Me.Id, null, Ip);
        // Every other device is signed out now; this one gets a fresh sign-in.
        await sessions.EndAllAsync(Me.Id, CurrentSession, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(Me);
        await LoadAsync();
        Message = "Password changed. Other devices are signed out.";
        return Page();
    }

    public async Task<IActionResult> OnPostStartTwoFactorAsync()
    {
        if (!await LoadAsync()) return Challenge();
        await users.ResetAuthenticatorKeyAsync(Me);
        await ShowKeyAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync(string? code)
    {
        if (!await LoadAsync()) return Challenge();
        var token = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (token.Length != 6 || !await users.VerifyTwoFactorTokenAsync(Me, users.Options.Tokens.AuthenticatorTokenProvider, token))
        {
            await ShowKeyAsync();
            return Fail("That code is not right. Type the six digits your app shows now.");
        }
        await users.SetTwoFactorEnabledAsync(Me, true);
        RecoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(Me, 10);
        await log.RecordAsync(SecurityLog.Kinds.TwoFactorEnabled, Me.Id, null, Ip);
        await LoadAsync();
        Message = "Two-factor sign-in is on. Keep the recovery codes below somewhere safe: each works once if you lose your phone.";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        if (!await LoadAsync()) return Challenge();
        await users.SetTwoFactorEnabledAsync(Me, false);
        await users.ResetAuthenticatorKeyAsync(Me);
        await log.RecordAsync(SecurityLog.Kinds.TwoFactorDisabled, Me.Id, null, Ip);
        await signIn.RefreshSignInAsync(Me);
        await LoadAsync();
        Message = "Two-factor sign-in is off.";
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (!await LoadAsync()) return Challenge();
        if (!TwoFactorOn) return Fail("Turn on two-factor sign-in first.");
        RecoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(Me, 10);
        await LoadAsync();
        Message = "New recovery codes. The old ones no longer work.";
        return Page();
    }

    public async Task<IActionResult> OnPostEndSessionAsync(string? id)
    {
        if (!await LoadAsync()) return Challenge();
        if (id is { Length: > 0 and <= 64 }) await sessions.EndAsync(Me.Id, id, HttpContext.RequestAborted);
        return id == CurrentHandle ? LocalRedirect("/account/signin") : RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        if (!await LoadAsync()) return Challenge();
        await users.UpdateSecurityStampAsync(Me);
        await sessions.EndAllAsync(Me.Id, ct: HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        await log.RecordAsync(SecurityLog.Kinds.SignOut, Me.Id, "everywhere", Ip);
        return LocalRedirect("/account/signin");
    }

    private string? Ip => HttpContext.Connection.RemoteIpAddress?.ToString();

    private async Task<bool> LoadAsync()
    {
        Meta.Title = "Password and two-factor sign-in";
        Meta.NoIndex = true;
        if (await users.GetUserAsync(User) is not { DeactivatedAt: null } me) return false;
        Me = me;
        HasPassword = await users.HasPasswordAsync(me);
        TwoFactorOn = await users.GetTwoFactorEnabledAsync(me);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(me);
        Devices = await sessions.ListAsync(me.Id, HttpContext.RequestAborted);
        return true;
    }

    private async Task ShowKeyAsync()
    {
        var key = await users.GetAuthenticatorKeyAsync(Me) ?? "";
        SharedKey = string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        var issuer = Uri.EscapeDataString(Site.Settings.Title);
        AuthenticatorUri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{issuer}:{Uri.EscapeDataString(Me.Email ?? Me.UserName ?? "")}?secret={key}&issuer={issuer}&digits=6");
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
