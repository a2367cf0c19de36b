using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Data;

namespace Parley.Web.Api;

/// <summary>An invitation to join the staff: the address and the role it was sent with.</summary>
public sealed record ApiInvite(string? Email, string? Role);

/// <summary>An invitation sent: the person becomes a user when they accept it, within the week.</summary>
public sealed record ApiInvitation(int Id, string Email, string Role, DateTime ExpiresAt);

/// <summary>What an administrator changes on a staff member; a field left out stays as it is.</summary>
public sealed record ApiUserWrite(string? Name, string? Role);

/// <summary>
/// The staff through the API, as the admin Users page manages them (Administrators, through <see cref="StaffAccounts"/>):
/// invite by email, change the role or display name, deactivate. The last active administrator always stays (409).
/// Readers (accounts without a role) are not users here: their ids answer 404 like unknown ones.
/// </summary>
public static class UsersApi
{
    public const string AdminWritePolicy = "ApiAdminWrite";

    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("users").WithTags("Users");
        users.MapGet("", async (ParleyDbContext db, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await StaffAsync(db, http.User.IsInRole(Roles.Administrator), null, ct)))
            .Produces<List<ApiUser>>()
            .RequireAuthorization(ApiEndpoints.StaffPolicy).WithSummary("The staff and their roles (email addresses for Administrators only)");
        users.MapGet("{id}", async (string id, ParleyDbContext db, HttpContext http, CancellationToken ct) =>
                (await StaffAsync(db, http.User.IsInRole(Roles.Administrator), id, ct)).FirstOrDefault() is { } user
                    ? (IResult)TypedResults.Ok(user)
                    : NotFound(id))
            .Produces<ApiUser>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiEndpoints.StaffPolicy).WithSummary("One staff member (the email address for Administrators only)");
        users.MapPost("", async (HttpContext http, ApiInvite body, StaffAccounts staff, CancellationToken ct) =>
            {
                var invitation = await staff.InviteAsync(body.Email, Canonical(body.Role), Me(http), ct);
                return TypedResults.Accepted((string?)null, new ApiInvitation(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt));
            })
            .Produces<ApiInvitation>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AdminWritePolicy).WithSummary("Invite someone to the staff by email, with a role (Administrators)")
            .WithDescription("Mails the same invitation as the admin Users page: a link valid for seven days, used once; the account exists once they accept. " +
                "409 when the address already has a staff account or an open invitation.");
        users.MapPut("{id}", async (HttpContext http, string id, ApiUserWrite body, StaffAccounts staff, ParleyDbContext db, CancellationToken ct) =>
            {
                if (body.Name is null && body.Role is null) return (IResult)ApiProblems.Problem(400, "Nothing to change", "Send name, role or both.");
                await staff.UpdateAsync(id, body.Name, Canonical(body.Role), Me(http), ct);
                return (await StaffAsync(db, admin: true, id, ct)).FirstOrDefault() is { } user ? TypedResults.Ok(user) : NotFound(id);
            })
            .Produces<ApiUser>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AdminWritePolicy).WithSummary("Change a staff member's role and/or display name (Administrators)")
            .WithDescription("A new role applies from their next call; their browser sessions end. The last active administrator cannot be demoted (409).");
        users.MapDelete("{id}", async (HttpContext http, string id, StaffAccounts staff, CancellationToken ct) =>
            {
                await staff.SetActiveAsync(id, active: false, Me(http), ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AdminWritePolicy).WithSummary("Deactivate a staff member (Administrators): signed out everywhere, tokens stop working, posts stay")
            .WithDescription("As on the admin Users page, reactivated there. Never the last active administrator (409), never yourself (400).");
    }

    /// <summary>The staff (accounts with a role), one or all, by name; deactivated ones too, marked.</summary>
    private static async Task<List<ApiUser>> StaffAsync(ParleyDbContext db, bool admin, string? id, CancellationToken ct)
    {
        var accounts = db.Users.AsNoTracking();
        if (id is not null) accounts = accounts.Where(u => u.Id == id);
        var staff = await accounts.Join(db.UserRoles, u => u.Id, r => r.UserId, (u, r) => new { u, r.RoleId })
            .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new { x.u.Id, x.u.DisplayName, x.u.Slug, x.u.Email, x.u.DeactivatedAt, Role = r.Name! }).ToListAsync(ct);
        return staff.GroupBy(s => s.Id).Select(g => new ApiUser(g.Key, g.First().DisplayName, g.First().Slug,
            admin ? g.First().Email : null, g.Select(x => x.Role).ToList(), g.First().DeactivatedAt is not null)).OrderBy(u => u.Name).ToList();
    }

    /// <summary>Roles as the admin area spells them, whatever the case sent ("editor" is Editor); anything else goes to the rules as sent.</summary>
    private static string? Canonical(string? role) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? role;

    private static string Me(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static IResult NotFound(string id) => ApiProblems.Problem(404, "Not found", $"There is no staff member {id}.");
}
