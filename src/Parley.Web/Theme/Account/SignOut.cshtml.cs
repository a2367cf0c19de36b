using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;

namespace Parley.Web.Theme.Account;

/// <summary>Signing out is a POST with an anti-forgery token, so a link on another site cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<ParleyUser> signIn) : ThemePageModel
{
    public void OnGet() => Meta.Title = "Sign out";

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
