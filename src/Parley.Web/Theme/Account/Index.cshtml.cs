using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;
using Parley.Web.Auth;
using Parley.Web.Auth.Providers;

namespace Parley.Web.Theme.Account;

/// <summary>
/// The reader's own page: name, linked identities and passkeys, their comments and subscriptions,
/// their data as JSON, and deleting the account (comments deleted or kept without a name).
/// </summary>
[Authorize]
public sealed class IndexModel(UserManager<ParleyUser> users, SignInManager<ParleyUser> signIn, ReaderAccounts readers, ReaderData data,
    SignInProviderRegistry providers, SecurityLog log) : ThemePageModel
{
    public ParleyUser Me { get; private set; } = null!;
    public IList<UserLoginInfo> Logins { get; private set; } = [];
    public int PasskeyCount { get; private set; }
    public bool IsStaff { get; private set; }
    public List<ReaderComment> Comments { get; private set; } = [];
    public List<ReaderSubscription> Subscriptions { get; private set; } = [];
    public IReadOnlyList<SignInProvider> Providers => providers.Enabled;
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Problem { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return SignOutAndBack();
        if (Request.Query.ContainsKey("linked")) Message = "The account is linked. You can sign in with either.";
        Error = SignInProblems.Message(Problem);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        if (!await LoadAsync()) return SignOutAndBack();
        var name = ReaderAccounts.CleanName(DisplayName);
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            Error = "Enter the name to show beside your comments.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Me.DisplayName = name;
        await users.UpdateAsync(Me);
        // The name is in the sign-in cookie; renew it so the reply form shows the new one at once.
        await signIn.RefreshSignInAsync(Me);
        Message = "Your name is saved. New comments show it.";
        DisplayName = name;
        return Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string issuer, string subject)
    {
        if (!await LoadAsync()) return SignOutAndBack();
        var result = await readers.UnlinkAsync(Me, issuer, subject);
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await log.RecordAsync(SecurityLog.Kinds.IdentityRemoved, Me.Id, issuer, HttpContext.Connection.RemoteIpAddress?.ToString());
        return RedirectToPage();
    }

    /// <summary>Everything Parley keeps about the reader, as a JSON file.</summary>
    public async Task<IActionResult> OnPostExportAsync()
    {
        if (!await LoadAsync()) return SignOutAndBack();
        var export = new ReaderExport(Me.DisplayName, Me.Email, Me.CreatedAt, Me.LastSignInAt,
            Logins.Select(l => new ReaderIdentity(l.ProviderDisplayName ?? l.LoginProvider, l.LoginProvider, l.ProviderKey)).ToList(),
            PasskeyCount, await data.CommentsAsync(Me.Id, int.MaxValue, HttpContext.RequestAborted), Subscriptions,
            await data.SignInsAsync(Me.Id, HttpContext.RequestAborted));
        var json = JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json", $"parley-my-data-{DateTime.UtcNow:yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? comments, bool confirm)
    {
        if (!await LoadAsync()) return SignOutAndBack();
        if (IsStaff)
        {
            Error = "Staff accounts are removed by an administrator.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!confirm || comments is not ("delete" or "anonymise"))
        {
            Error = "To delete your account, choose what happens to your comments and tick the box.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await readers.DeleteAsync(Me, comments == "delete", HttpContext.RequestAborted);
        await log.RecordAsync(SecurityLog.Kinds.AccountDeleted, Me.Id, comments, HttpContext.Connection.RemoteIpAddress?.ToString());
        await signIn.SignOutAsync();
        return LocalRedirect("/?deleted=1");
    }

    private async Task<bool> LoadAsync()
    {
        Meta.Title = "Your profile";
        Meta.NoIndex = true;
        var me = await users.GetUserAsync(User);
        if (me is null || me.DeactivatedAt is not null) return false;
        Me = me;
        DisplayName ??= me.DisplayName;
        Logins = await users.GetLoginsAsync(me);
        PasskeyCount = (await users.GetPasskeysAsync(me)).Count;
        IsStaff = (await users.GetRolesAsync(me)).Count > 0;
        Comments = await data.CommentsAsync(me.Id, 50, HttpContext.RequestAborted);
        Subscriptions = await data.SubscriptionsAsync(me.Email, HttpContext.RequestAborted);
        return true;
    }

    private IActionResult SignOutAndBack() => SignOut(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = "/account/signin" }, IdentityConstants.ApplicationScheme);
}
