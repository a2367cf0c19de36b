using System.Security.Claims;
using Parley.Core.Accounts;
using Parley.Core.Posts;

namespace Parley.Web.Auth;

/// <summary>What the signed-in person may do with posts, read from their sign-in (id and roles).</summary>
public static class PermissionsOf
{
    public static PostPermissions Posts(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."),
            Roles.All.Where(user.IsInRole).ToList());
}
