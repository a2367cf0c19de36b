using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Parley.Testing;
using Parley.Testing.Oidc;

namespace Parley.Web.Tests.Identity;

/// <summary>
/// The test OpenID Connect provider speaks the real protocol: discovery, the code flow with PKCE through its
/// sign-in form or auto-login, id_token claims, and the hostile knobs later sign-in tests rely on.
/// </summary>
public sealed class TestOidcProviderTests
{
    private const string ClientId = "parley";
    private const string ClientSecret = "parley-secret";
    private const string RedirectUri = "http://127.0.0.1:1/signin-oidc"; // never contacted: the test reads the redirect
    private static readonly TestOidcUser Ada = new("ada", "Ada Lovelace", "ada@example.org", EmailVerified: true);

    [Fact]
    public async Task Discovery_names_the_issuer_and_its_endpoints()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        using var http = new HttpClient();
        var config = await http.GetFromJsonAsync<JsonElement>(provider.Issuer + ".well-known/openid-configuration");

        Assert.Equal(provider.Issuer, config.GetProperty("issuer").GetString());
        Assert.Equal(provider.Issuer + "connect/authorize", config.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(provider.Issuer + "connect/token", config.GetProperty("token_endpoint").GetString());
        Assert.Equal(provider.Issuer + "connect/userinfo", config.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(provider.Issuer + "connect/logout", config.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], config.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        var jwks = await http.GetFromJsonAsync<JsonElement>(config.GetProperty("jwks_uri").GetString()!);
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task Auto_login_runs_the_code_flow_with_pkce_to_an_id_token_and_userinfo()
    {
        await using var provider = await TestOidcProvider.StartAsync(new() { AutoLogin = Ada });
        await provider.RegisterClientAsync(ClientId, ClientSecret, RedirectUri);
        using var http = NoRedirects();
        var flow = new Flow(provider);

        var code = ReadRedirect(await http.GetAsync(flow.AuthorizationUrl()), flow)["code"];
        var tokens = await flow.RedeemAsync(http, code);
        var idToken = Payload(tokens.GetProperty("id_token").GetString()!);

        Assert.Equal(provider.Issuer, idToken.GetProperty("iss").GetString());
        Assert.Equal(ClientId, idToken.GetProperty("aud").GetString());
        Assert.Equal("user-ada", idToken.GetProperty("sub").GetString());
        Assert.Equal("Ada Lovelace", idToken.GetProperty("name").GetString());
        Assert.Equal("ada", idToken.GetProperty("preferred_username").GetString());
        Assert.Equal("ada@example.org", idToken.GetProperty("email").GetString());
        Assert.True(idToken.GetProperty("email_verified").GetBoolean());
        Assert.Equal(flow.Nonce, idToken.GetProperty("nonce").GetString());

        var sent = QueryHelpers.ParseQuery(Assert.Single(provider.AuthorizationRequests));
        Assert.Equal(flow.Challenge, sent["code_challenge"].ToString());
        Assert.Equal(flow.State, sent["state"].ToString());

        using var userInfo = new HttpRequestMessage(HttpMethod.Get, provider.Issuer + "connect/userinfo");
        userInfo.Headers.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        var info = await (await http.SendAsync(userInfo)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("user-ada", info.GetProperty("sub").GetString());
        Assert.Equal("Ada Lovelace", info.GetProperty("name").GetString());
        Assert.True(info.GetProperty("email_verified").GetBoolean());
    }

    [Fact]
    public async Task The_sign_in_form_signs_a_user_in_and_the_session_keeps_the_same_subject()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await provider.RegisterClientAsync(ClientId, ClientSecret, RedirectUri);
        using var http = NoRedirects(); // its cookie container holds the provider's session, as a browser would
        var flow = new Flow(provider);

        var silentFirst = ReadRedirect(await http.GetAsync(flow.AuthorizationUrl() + "&prompt=none"), flow);
        Assert.Equal("login_required", silentFirst["error"]); // nobody signed in yet, and no page may be shown

        var formPage = await http.GetAsync(flow.AuthorizationUrl());
        Assert.Equal(HttpStatusCode.OK, formPage.StatusCode);
        var page = HtmlPage.Parse(await formPage.Content.ReadAsStringAsync());
        Assert.Equal(["Username", "Display name", "Email", "Email verified"], page.QuerySelectorAll("label").Select(l => l.TextContent));
        var form = page.QuerySelector("form")!;
        var fields = FormFields.Collect(form, new Dictionary<string, string>
        {
            ["username"] = "grace", ["display_name"] = "Grace Hopper", ["email"] = "grace@example.org",
        });
        var posted = await http.PostAsync(new Uri(new Uri(provider.Issuer), form.GetAttribute("action")), new FormUrlEncodedContent(fields));
        var idToken = Payload((await flow.RedeemAsync(http, ReadRedirect(posted, flow)["code"])).GetProperty("id_token").GetString()!);
        Assert.Equal("user-grace", idToken.GetProperty("sub").GetString());
        Assert.Equal("Grace Hopper", idToken.GetProperty("name").GetString());
        Assert.False(idToken.GetProperty("email_verified").GetBoolean()); // the box was left unticked
        Assert.Equal(flow.Nonce, idToken.GetProperty("nonce").GetString());

        var again = new Flow(provider);
        var silent = ReadRedirect(await http.GetAsync(again.AuthorizationUrl()), again); // no form the second time
        var second = Payload((await again.RedeemAsync(http, silent["code"])).GetProperty("id_token").GetString()!);
        Assert.Equal("user-grace", second.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task A_request_without_pkce_with_plain_pkce_or_with_the_wrong_verifier_is_refused()
    {
        await using var provider = await TestOidcProvider.StartAsync(new() { AutoLogin = Ada });
        await provider.RegisterClientAsync(ClientId, ClientSecret, RedirectUri);
        using var http = NoRedirects();
        var flow = new Flow(provider);

        // OpenIddict checks PKCE before the redirect_uri is trusted, so it answers itself rather than redirecting.
        foreach (var method in new[] { null, "plain" })
        {
            var refused = await http.GetAsync(flow.AuthorizationUrl(method));
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("invalid_request", body);
            Assert.Contains("code_challenge", body);
        }

        var code = ReadRedirect(await http.GetAsync(flow.AuthorizationUrl()), flow)["code"];
        var wrongVerifier = await http.PostAsync(provider.Issuer + "connect/token", flow.TokenRequest(code, verifier: Flow.NewSecret()));
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal("invalid_grant", (await wrongVerifier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_hostile_knobs_change_the_issuer_and_drop_the_nonce_in_the_id_token_only()
    {
        await using var provider = await TestOidcProvider.StartAsync(new()
        {
            AutoLogin = Ada, OverrideIssuer = "http://evil.example/", OmitNonce = true,
        });
        await provider.RegisterClientAsync(ClientId, ClientSecret, RedirectUri);
        using var http = NoRedirects();
        var flow = new Flow(provider);

        var code = ReadRedirect(await http.GetAsync(flow.AuthorizationUrl()), flow)["code"];
        var idToken = Payload((await flow.RedeemAsync(http, code)).GetProperty("id_token").GetString()!);
        Assert.Equal("http://evil.example/", idToken.GetProperty("iss").GetString());
        Assert.False(idToken.TryGetProperty("nonce", out _));
        var config = await http.GetFromJsonAsync<JsonElement>(provider.Issuer + ".well-known/openid-configuration");
        Assert.Equal(provider.Issuer, config.GetProperty("issuer").GetString());
    }

    private static HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>The redirect back to the client, checked to carry the flow's state; its query as a dictionary.</summary>
    private static Dictionary<string, string> ReadRedirect(HttpResponseMessage response, Flow flow)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.AbsoluteUri);
        var query = QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.Equal(flow.State, query["state"]);
        return query;
    }

    private static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement.Clone();

    /// <summary>One authorization: what a relying party generates and must remember until the code comes back.</summary>
    private sealed class Flow(TestOidcProvider provider)
    {
        public string State { get; } = NewSecret();
        public string Nonce { get; } = NewSecret();
        public string Verifier { get; } = NewSecret();
        public string Challenge => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

        public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

        /// <summary>The authorization request; <paramref name="challengeMethod"/> null sends no PKCE at all.</summary>
        public string AuthorizationUrl(string? challengeMethod = "S256")
        {
            var query = new Dictionary<string, string?>
            {
                ["client_id"] = ClientId, ["redirect_uri"] = RedirectUri, ["response_type"] = "code",
                ["scope"] = "openid profile email", ["state"] = State, ["nonce"] = Nonce,
            };
            if (challengeMethod is not null)
                (query["code_challenge"], query["code_challenge_method"]) = (challengeMethod == "plain" ? Verifier : Challenge, challengeMethod);
            return QueryHelpers.AddQueryString(provider.Issuer + "connect/authorize", query);
        }

        public FormUrlEncodedContent TokenRequest(string code, string? verifier = null) => new(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["code_verifier"] = verifier ?? Verifier,
        });

        public async Task<JsonElement> RedeemAsync(HttpClient http, string code)
        {
            var response = await http.PostAsync(provider.Issuer + "connect/token", TokenRequest(code));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"The token endpoint answered {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
