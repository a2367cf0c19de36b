using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Parley.Core.Accounts;

namespace Parley.Web.Theme.Account;

/// <summary>Choosing a new password from the emailed link. The reset renews the security stamp: every device is signed out.</summary>
public sealed class ResetModel(UserManager<ParleyUser> users, SecurityLog log, AuthSessions sessions) : ThemePageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        SetMeta();
        return UserId is { Length: > 0 and <= 450 } && Token is { Length: > 0 and <= 2000 } ? Page() : LocalRedirect("/account/forgot");
    }

    public async Task<IActionResult> OnPostAsync(string? password, string? confirm)
    {
        SetMeta();
        if (string.IsNullOrEmpty(password) || password.Length > 1024 || password != confirm)
            return Fail("Type the new password twice, the same both times.");
        var user = UserId is { Length: > 0 and <= 450 } ? await users.FindByIdAsync(UserId) : null;
        string token;
        try { token = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token ?? "")); }
        catch (FormatException) { token = ""; }
        if (user is null || user.DeactivatedAt is not null || token.Length == 0)
            return Fail("This reset link is not valid any more. Ask for a new one.");
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
            return Fail(result.Errors.Any(e => e.Code == "InvalidToken")
                ? "This reset link is not valid any more. Ask for a new one."
                : string.Join(" ", result.Errors.Select(e => e.Description)));
        await sessions.EndAllAsync(user.Id, ct: HttpContext.RequestAborted);
        await log.RecordAsync(SecurityLog.Kinds.PasswordReset, user.Id, "new password set", HttpContext.Connection.RemoteIpAddress?.ToString());
        Done = true;
        return Page();
    }

    private void SetMeta()
    {
        Meta.Title = "Choose a new password";
        Meta.NoIndex = true;
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
