using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;

namespace Parley.Web.Theme.Account;

/// <summary>
/// The signed-in person's passkeys (WebAuthn), with ASP.NET Core Identity's own passkey support: the
/// browser asks for options, creates the credential, and posts it back; the framework checks it.
/// </summary>
[Authorize]
public sealed class PasskeysModel(UserManager<ParleyUser> users, SignInManager<ParleyUser> signIn, SecurityLog log) : ThemePageModel
{
    public IList<UserPasskeyInfo> Passkeys { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentAsync() is not { } me) return Challenge();
        await LoadAsync(me);
        return Page();
    }

    /// <summary>Creation options for this account (JSON for <c>navigator.credentials.create</c>).</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await CurrentAsync() is not { } me) return Challenge();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = me.Id, Name = me.Email ?? me.UserName ?? me.Id, DisplayName = me.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(string? credential, string? name)
    {
        if (await CurrentAsync() is not { } me) return Challenge();
        if (string.IsNullOrEmpty(credential) || credential.Length > 64 * 1024)
            return await FailAsync(me, "Your browser did not create a passkey. Try again, or use another device.");
        var attestation = await signIn.PerformPasskeyAttestationAsync(credential);
        if (!attestation.Succeeded)
            return await FailAsync(me, "That passkey could not be checked: " + attestation.Failure.Message);
        attestation.Passkey.Name = string.IsNullOrWhiteSpace(name) ? "Passkey added " + DateTime.UtcNow.ToString("d MMM yyyy") : ReaderAccounts.CleanName(name);
        var added = await users.AddOrUpdatePasskeyAsync(me, attestation.Passkey);
        if (!added.Succeeded) return await FailAsync(me, string.Join(" ", added.Errors.Select(e => e.Description)));
        await log.RecordAsync(SecurityLog.Kinds.PasskeyAdded, me.Id, attestation.Passkey.Name, HttpContext.Connection.RemoteIpAddress?.ToString());
        await LoadAsync(me);
        Message = "Passkey added. Next time, choose \"Sign in with a passkey\".";
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        if (await CurrentAsync() is not { } me) return Challenge();
        byte[] credentialId;
        try { credentialId = Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(id ?? ""); }
        catch (FormatException) { return await FailAsync(me, "That passkey is not on your account."); }
        var logins = await users.GetLoginsAsync(me);
        if (logins.Count == 0 && !await users.HasPasswordAsync(me) && (await users.GetPasskeysAsync(me)).Count <= 1)
            return await FailAsync(me, "This passkey is the only way into your profile. Link an account or add another passkey first.");
        await users.RemovePasskeyAsync(me, credentialId);
        return RedirectToPage();
    }

    private async Task<ParleyUser?> CurrentAsync()
    {
        Meta.Title = "Passkeys";
        Meta.NoIndex = true;
        var me = await users.GetUserAsync(User);
        return me?.DeactivatedAt is null ? me : null;
    }

    private async Task LoadAsync(ParleyUser me) => Passkeys = await users.GetPasskeysAsync(me);

    private async Task<IActionResult> FailAsync(ParleyUser me, string message)
    {
        await LoadAsync(me);
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
