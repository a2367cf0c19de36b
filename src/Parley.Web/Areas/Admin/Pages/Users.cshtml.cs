using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages;

/// <summary>The staff, for Administrators: invite by email, change roles, deactivate, and the security log.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class UsersModel(StaffAccounts staff, SecurityLog log, UserManager<ParleyUser> users) : ThemePageModel
{
    public List<StaffAccounts.StaffMember> Staff { get; private set; } = [];
    public List<Invitation> Invitations { get; private set; } = [];
    public List<SecurityEvent> Events { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    [BindProperty] public string? InviteEmail { get; set; }
    [BindProperty] public string? InviteRole { get; set; } = Roles.Author;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        Message = TempData["Users"] as string;
        await LoadAsync();
    }

    public Task<IActionResult> OnPostInviteAsync() => RunAsync(async me =>
    {
        await staff.InviteAsync(InviteEmail, InviteRole, me, HttpContext.RequestAborted);
        return $"Invitation sent to {InviteEmail!.Trim()}.";
    });

    public Task<IActionResult> OnPostRoleAsync(string id, string role) => RunAsync(async me =>
    {
        await staff.ChangeRoleAsync(id, role, me, HttpContext.RequestAborted);
        return "Role changed.";
    });

    public Task<IActionResult> OnPostActiveAsync(string id, bool active) => RunAsync(async me =>
    {
        await staff.SetActiveAsync(id, active, me, HttpContext.RequestAborted);
        return active ? "Account reactivated." : "Account deactivated: it is signed out everywhere and cannot sign in.";
    });

    public Task<IActionResult> OnPostRevokeAsync(int id) => RunAsync(async me =>
    {
        await staff.RevokeInvitationAsync(id, me, HttpContext.RequestAborted);
        return "Invitation withdrawn.";
    });

    /// <summary>Does the change; a refusal is shown on the page with what was typed, nothing half done.</summary>
    private async Task<IActionResult> RunAsync(Func<string, Task<string>> change)
    {
        var me = users.GetUserId(User)!;
        try
        {
            TempData["Users"] = await change(me);
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (ConflictException ex)
        {
            // A taken address, the last administrator: shown like any other refusal of the form.
            Errors = new Dictionary<string, string[]> { [ex.Field] = [ex.Message] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (NotFoundException ex)
        {
            Errors = new Dictionary<string, string[]> { [""] = [ex.Message] };
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Meta.Title = "Users";
        Staff = await staff.ListAsync(HttpContext.RequestAborted);
        Invitations = await staff.OpenInvitationsAsync(HttpContext.RequestAborted);
        Events = await log.RecentAsync(take: 50, ct: HttpContext.RequestAborted);
        Names = Staff.ToDictionary(s => s.Id, s => s.DisplayName);
    }
}
