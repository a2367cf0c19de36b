using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;
using Parley.Web.Auth;
using Parley.Web.Auth.Providers;

namespace Parley.Web.Theme.Account;

/// <summary>
/// Leaving for an outside provider (POST, with the anti-forgery token) and coming back from it. The
/// framework's handlers check state, the correlation cookie, nonce, PKCE, issuer and audience; this
/// page turns the identity they vouch for into a Parley sign-in, or links it to the signed-in reader.
/// </summary>
public sealed class ExternalModel(SignInProviderRegistry registry, ReaderSignIn readerSignIn, ReaderAccounts readers,
    UserManager<ParleyUser> users, SecurityLog log, PendingLink pending) : ThemePageModel
{
    private const string LinkItem = "link";
    private const string SchemeItem = "scheme";

    public IActionResult OnGet() => LocalRedirect("/account/signin");

    public IActionResult OnPost(string? provider, string? server, string? returnUrl, string? mode)
    {
        var back = ReaderSignIn.SafeReturn(Url, returnUrl);
        if (registry.FindByKey(provider ?? "") is not { } active)
            return Problem(SignInProblems.Unknown, back);
        var properties = new AuthenticationProperties
        {
            RedirectUri = Url.Page("/Account/External", "Callback", new { returnUrl = back }),
            Items = { ["returnUrl"] = back, [SchemeItem] = active.Scheme },
        };
        if (active.Provider.Kind == SignInProviderKind.Fediverse)
        {
            if (FediverseApps.ParseServer(server) is not { } host) return Problem(SignInProblems.Server, back);
            properties.Items[FediverseHandler.ServerItem] = host;
        }
        if (mode == LinkItem && users.GetUserId(User) is { } userId) properties.Items[LinkItem] = userId;
        return Challenge(properties, active.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var back = ReaderSignIn.SafeReturn(Url, returnUrl);
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!result.Succeeded || result.Principal is null || result.Properties is null) return Problem(SignInProblems.Provider, back);
        if (ToIdentity(result.Principal, registry.Find((result.Properties.Items.TryGetValue(SchemeItem, out var s) ? s : null) ?? "")) is not { } identity)
            return Problem(SignInProblems.Provider, back);

        if (result.Properties.Items.TryGetValue(LinkItem, out var linkTo) && linkTo is not null)
        {
            // Linking needs the same person signed in now as when they asked: the id travelled in the protected state.
            var user = await users.GetUserAsync(User);
            if (user is null || user.Id != linkTo) return Problem(SignInProblems.Provider, "/account");
            var linked = await readers.LinkAsync(user, identity);
            if (!linked.Succeeded) return LocalRedirect("/account?problem=" + SignInProblems.Taken);
            await log.RecordAsync(SecurityLog.Kinds.IdentityLinked, user.Id, identity.ProviderName, HttpContext.Connection.RemoteIpAddress?.ToString());
            return LocalRedirect("/account?linked=1");
        }

        // A new identity whose provider vouches for an address a reader here has already proven: ask before joining them.
        if (identity.EmailVerified && identity.Email is { } email && await readers.FindAsync(identity) is null &&
            await readers.FindVerifiedReaderByEmailAsync(email, HttpContext.RequestAborted) is not null)
        {
            pending.Save(Response, identity, back);
            return RedirectToPage("/Account/LinkExisting");
        }
        var outcome = await readerSignIn.SignInAsync(HttpContext, identity);
        return outcome.Problem is { } problem ? Problem(problem, back) : LocalRedirect(back);
    }

    /// <summary>Issuer + subject from the handler's claims; the names the provider sent are kept as untrusted text.</summary>
    private static OutsideIdentity? ToIdentity(ClaimsPrincipal principal, SignInProviderRegistry.ActiveProvider? provider)
    {
        var sub = principal.FindFirst("sub") ?? principal.FindFirst(ClaimTypes.NameIdentifier);
        if (sub is null || string.IsNullOrWhiteSpace(sub.Value) || provider is null) return null;
        var providerName = principal.FindFirst("provider_name")?.Value ?? provider.Provider.DisplayName;
        return new OutsideIdentity(sub.Issuer, sub.Value, providerName,
            principal.FindFirst("name")?.Value ?? principal.FindFirst("preferred_username")?.Value,
            principal.FindFirst("email")?.Value, principal.FindFirst("email_verified")?.Value is "true" or "True");
    }

    private LocalRedirectResult Problem(string code, string back) =>
        LocalRedirect(SignInProblems.PageFor(code, back));
}
