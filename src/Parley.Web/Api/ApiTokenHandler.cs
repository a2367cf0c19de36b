using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;

namespace Parley.Web.Api;

/// <summary>
/// Signs API calls in from <c>Authorization: Bearer parley_…</c>. The principal is the token owner's
/// (same roles, so the same permissions as in the admin area) plus a <c>scope</c> claim, read or write.
/// Cookies are not accepted by the API, so no other site can make a signed-in browser call it.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, UserManager<ParleyUser> users, IUserClaimsPrincipalFactory<ParleyUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = await tokens.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("The token is not valid, or was revoked.");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || user.DeactivatedAt is not null) return AuthenticateResult.Fail("The token's account is deactivated.");
        var principal = await principals.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ScopeClaim, token.CanWrite ? "write" : "read"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Sign in with a token",
            "Send a personal API token as 'Authorization: Bearer parley_…'. Make one at /account/tokens.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Not allowed",
            "The token's account, or its scope (read or write), does not allow this.");
}
