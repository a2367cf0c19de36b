using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;

namespace Parley.Testing.Oidc;

/// <summary>
/// The end-session endpoint after OpenIddict has validated the request: it ends the provider's own session,
/// then OpenIddict redirects to the registered post_logout_redirect_uri (or to the provider's home page).
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, OidcProviderState state)
    {
        await http.SignOutAsync(state.SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
