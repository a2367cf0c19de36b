using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Parley.Core.Accounts;

namespace Parley.Web.Auth.Providers;

/// <summary>
/// Fills in a handler's options from the provider the owner saved. The framework asks once per scheme
/// name and caches the answer until <see cref="SignInProviderRegistry"/> forgets it.
/// </summary>
public sealed class ProviderOptionsSetup(SignInProviderRegistry registry, IOptions<Parley.Web.Hosting.ParleyOptions> parley) :
    IConfigureNamedOptions<OpenIdConnectOptions>, IConfigureNamedOptions<OAuthOptions>, IConfigureNamedOptions<FediverseOptions>
{
    public void Configure(string? name, OpenIdConnectOptions o)
    {
        if (name is null || registry.Find(name) is not { } active) return;
        var p = active.Provider;
        Common(o, p);
        o.Authority = p.Authority;
        o.ClientId = p.ClientId;
        o.ClientSecret = active.ClientSecret;
        // The code flow with PKCE; the answer comes back in the query, a top-level GET, so SameSite=Lax cookies survive it.
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.Scope.Clear();
        foreach (var scope in Scopes(p, "openid profile email")) o.Scope.Add(scope);
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.SaveTokens = false;
        o.RequireHttpsMetadata = !IsLoopbackHttp(p.Authority);
        o.SignedOutCallbackPath = "/signout-callback-" + p.Key;
        o.RemoteSignOutPath = "/signout-remote-" + p.Key;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ProtocolValidator.RequireNonce = true;
        o.TokenValidationParameters.NameClaimType = "name";
        o.Events.OnRemoteFailure = RemoteFailure;
    }

    public void Configure(string? name, OAuthOptions o)
    {
        if (name is null || registry.Find(name) is not { } active) return;
        var p = active.Provider;
        Common(o, p);
        o.ClientId = p.ClientId ?? "";
        o.ClientSecret = active.ClientSecret ?? "";
        o.AuthorizationEndpoint = p.AuthorizationEndpoint ?? "";
        o.TokenEndpoint = p.TokenEndpoint ?? "";
        o.UserInformationEndpoint = p.UserInfoEndpoint ?? "";
        o.UsePkce = true;
        o.Scope.Clear();
        foreach (var scope in Scopes(p, "")) o.Scope.Add(scope);
        // The provider's id is only unique within that provider: its sign-in address's origin says which one.
        o.ClaimsIssuer = new Uri(o.AuthorizationEndpoint).GetLeftPart(UriPartial.Authority);
        o.Events.OnCreatingTicket = ctx => OAuthProfiles.ReadAsync(ctx, p.Preset);
        o.Events.OnRemoteFailure = RemoteFailure;
    }

    public void Configure(string? name, FediverseOptions o)
    {
        if (name is null || registry.Find(name) is not { } active) return;
        Common(o, active.Provider);
        o.BackchannelHttpHandler = Parley.Core.Net.PublicNetwork.CreateHandler(allowLoopback: parley.Value.SignIn.FediverseOverHttp);
        o.Events.OnRemoteFailure = RemoteFailure;
    }

    public void Configure(OpenIdConnectOptions options) { }
    public void Configure(OAuthOptions options) { }
    public void Configure(FediverseOptions options) { }

    private static void Common(RemoteAuthenticationOptions o, SignInProvider p)
    {
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.CallbackPath = "/signin-" + p.Key;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.BackchannelTimeout = TimeSpan.FromSeconds(15);
        // At most 15 minutes between leaving for the provider and coming back.
        o.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(15);
    }

    private static IEnumerable<string> Scopes(SignInProvider p, string required) =>
        (required + " " + p.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct();

    /// <summary>Plain http is allowed only for a provider on this machine (development and tests).</summary>
    public static bool IsLoopbackHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp &&
        (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>A refused or broken outside sign-in ends on the sign-in page with a sentence, not an exception page.</summary>
    private static async Task RemoteFailure(RemoteFailureContext ctx)
    {
        var logger = ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.SignIn");
        logger.LogWarning("Outside sign-in through {Scheme} failed: {Error}", ctx.Scheme.Name, ctx.Failure?.Message);
        // Also in the security log, where an administrator looks (the framework's messages hide personal data).
        await ctx.HttpContext.RequestServices.GetRequiredService<SecurityLog>().RecordAsync(SecurityLog.Kinds.SignInFailed, null,
            $"{ctx.Scheme.DisplayName}: {ctx.Failure?.Message}", ctx.HttpContext.Connection.RemoteIpAddress?.ToString());
        var returnUrl = ctx.Properties?.Items.TryGetValue("returnUrl", out var r) == true ? r : null;
        ctx.Response.Redirect("/account/signin?problem=" + SignInProblems.Provider +
            (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl)));
        ctx.HandleResponse();
    }

    internal static JsonElement? Get(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;
}
