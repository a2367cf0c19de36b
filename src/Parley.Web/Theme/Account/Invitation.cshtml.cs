using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Core;
using Parley.Core.Accounts;

namespace Parley.Web.Theme.Account;

/// <summary>Accepting an invitation: choose a name and a password; the account is made with the invited role.</summary>
public sealed class InvitationModel(StaffAccounts staff, SignInManager<ParleyUser> signIn) : ThemePageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    public Invitation? Invitation { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync()
    {
        SetMeta();
        Invitation = await staff.FindInvitationAsync(Token, HttpContext.RequestAborted);
        if (Invitation is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async Task<IActionResult> OnPostAsync(string? password, string? confirm)
    {
        SetMeta();
        Invitation = await staff.FindInvitationAsync(Token, HttpContext.RequestAborted);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (string.IsNullOrEmpty(password) || password.Length > 1024 || password != confirm)
            return Fail(new Dictionary<string, string[]> { ["Password"] = ["Type the password twice, the same both times."] });
        try
        {
            var user = await staff.AcceptAsync(Token!, DisplayName, password, HttpContext.RequestAborted);
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect("/admin");
        }
        catch (ValidationFailedException ex)
        {
            return Fail(ex.Errors);
        }
    }

    private void SetMeta()
    {
        Meta.Title = "Join the site";
        Meta.NoIndex = true;
    }

    private PageResult Fail(IReadOnlyDictionary<string, string[]> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
