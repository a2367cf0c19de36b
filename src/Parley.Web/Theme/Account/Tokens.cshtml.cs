using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core;
using Parley.Core.Accounts;

namespace Parley.Web.Theme.Account;

/// <summary>Personal API tokens for staff: make one (shown once), see when each was last used, revoke.</summary>
[Authorize(Policy = Auth.Policies.Staff)]
public sealed class TokensModel(ApiTokens tokens, UserManager<ParleyUser> users) : ThemePageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public bool CanWrite { get; set; }
    public string? NewSecret { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        try
        {
            NewSecret = (await tokens.CreateAsync(users.GetUserId(User)!, Name, CanWrite, HttpContext.RequestAborted)).Secret;
            Name = null;
        }
        catch (ValidationFailedException ex)
        {
            Error = string.Join(" ", ex.Errors.Values.SelectMany(v => v));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        // The secret is on this page once; nothing caches it.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        await tokens.RevokeAsync(users.GetUserId(User)!, id, HttpContext.RequestAborted);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Meta.Title = "API tokens";
        Meta.NoIndex = true;
        Tokens = await tokens.ListAsync(users.GetUserId(User)!, HttpContext.RequestAborted);
    }
}
