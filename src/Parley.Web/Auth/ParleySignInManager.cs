using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;

namespace Parley.Web.Auth;

/// <summary>
/// The framework's sign-in manager, plus one rule: a deactivated account cannot sign in, and its
/// existing cookies stop working at their next check (every minute, see ParleyServices).
/// </summary>
public sealed class ParleySignInManager(
    UserManager<ParleyUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<ParleyUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<ParleyUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ParleyUser> confirmation)
    : SignInManager<ParleyUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ParleyUser user) =>
        user.DeactivatedAt is null && await base.CanSignInAsync(user);

    public override async Task<ParleyUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user?.DeactivatedAt is null ? user : null;
    }
}
