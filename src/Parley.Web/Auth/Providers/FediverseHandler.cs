using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Parley.Web.Auth.Providers;

public sealed class FediverseOptions : OAuthOptions
{
    public FediverseOptions()
    {
        // Placeholders: the real endpoints are the reader's own server, chosen per sign-in.
        (ClientId, ClientSecret, AuthorizationEndpoint, TokenEndpoint) = ("per-server", "per-server", "https://per-server/", "https://per-server/");
        UsePkce = true;
    }
}

/// <summary>
/// Mastodon and compatible servers: the reader names their server; Parley registers itself there as an
/// app the first time (see <see cref="FediverseApps"/>) and signs in with OAuth 2 + PKCE against it.
/// The server travels inside the protected <c>state</c>, so the callback cannot be pointed elsewhere.
/// </summary>
public sealed class FediverseHandler(IOptionsMonitor<FediverseOptions> options, ILoggerFactory logger, UrlEncoder encoder, FediverseApps apps)
    : OAuthHandler<FediverseOptions>(options, logger, encoder)
{
    public const string ServerItem = "fediverse.server";
    public const string Scope = "read:accounts";

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var server = properties.Items.TryGetValue(ServerItem, out var s) ? s : null;
        if (server is null) throw new InvalidOperationException("No fediverse server was chosen.");
        var app = await apps.GetOrRegisterAsync(server, BuildRedirectUri(Options.CallbackPath), Context.RequestAborted);
        Context.Items[ServerItem] = app;
        await base.HandleChallengeAsync(properties);
    }

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var app = (FediverseApps.App)Context.Items[ServerItem]!;
        var url = base.BuildChallengeUrl(properties, redirectUri);
        // The base builds it for the placeholder endpoint and client; swap in the reader's server and Parley's app there.
        var query = QueryHelpers.ParseQuery(new Uri(url).Query).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["client_id"] = app.ClientId;
        query["scope"] = Scope;
        return QueryHelpers.AddQueryString(app.BaseUrl + "/oauth/authorize", query);
    }

    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var app = await apps.FindAsync(context.Properties.Items[ServerItem]!, Context.RequestAborted)
            ?? throw new InvalidOperationException("Parley is not registered on that server.");
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = context.Code, ["redirect_uri"] = context.RedirectUri,
            ["client_id"] = app.ClientId, ["client_secret"] = app.ClientSecret, ["scope"] = Scope,
        };
        if (context.Properties.Items.TryGetValue(OAuthConstants.CodeVerifierKey, out var verifier) && verifier is not null)
        {
            form[OAuthConstants.CodeVerifierKey] = verifier;
            context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey);
        }
        using var response = await Backchannel.PostAsync(app.BaseUrl + "/oauth/token", new FormUrlEncodedContent(form), Context.RequestAborted);
        if (!response.IsSuccessStatusCode)
            return OAuthTokenResponse.Failed(new InvalidOperationException($"{app.Server} refused the sign-in code ({(int)response.StatusCode})."));
        return OAuthTokenResponse.Success(await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Context.RequestAborted), cancellationToken: Context.RequestAborted));
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        var app = await apps.FindAsync(properties.Items[ServerItem]!, Context.RequestAborted)
            ?? throw new InvalidOperationException("Parley is not registered on that server.");
        using var request = new HttpRequestMessage(HttpMethod.Get, app.BaseUrl + "/api/v1/accounts/verify_credentials");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
        response.EnsureSuccessStatusCode();
        var account = await response.Content.ReadFromJsonAsync<JsonElement>(Context.RequestAborted);
        var id = ProviderOptionsSetup.Get(account, "id")?.ToString() ?? throw new InvalidOperationException("The server gave no account id.");
        var name = ProviderOptionsSetup.Get(account, "display_name")?.GetString() is { Length: > 0 } display ? display
            : ProviderOptionsSetup.Get(account, "username")?.GetString();
        var issuer = app.BaseUrl;
        identity.AddClaim(new Claim("sub", id, ClaimValueTypes.String, issuer));
        if (name is not null) identity.AddClaim(new Claim("name", name, ClaimValueTypes.String, issuer));
        identity.AddClaim(new Claim("provider_name", app.Server, ClaimValueTypes.String, issuer));
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name);
    }
}
