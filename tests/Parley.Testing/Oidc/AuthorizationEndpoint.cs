using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Parley.Testing.Oidc;

/// <summary>
/// The authorization endpoint after OpenIddict has validated the request (passthrough): it decides who the
/// user is — the auto-login user, the posted form, or the provider's own session — and lets OpenIddict issue the code.
/// </summary>
internal static class AuthorizationEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, OidcProviderState state, IAntiforgery antiforgery)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not pass an authorization request through.");

        if (state.AutoLogin is { } automatic) return Issue(automatic, request);

        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType && http.Request.Form.ContainsKey("username"))
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Text("The sign-in form expired or was not sent by this provider; start again.", statusCode: 400);
            var form = http.Request.Form;
            var user = ReadUser(form);
            if (user is null)
                return LoginPage.Render(Parameters(form), antiforgery.GetAndStoreTokens(http), "Username, display name and email are required.");
            await http.SignInAsync(state.SessionScheme, TestUserClaims.ForSession(user));
            return Issue(user, request);
        }

        var session = await http.AuthenticateAsync(state.SessionScheme);
        if (session.Succeeded && !request.HasPromptValue(PromptValues.Login))
            return Issue(TestUserClaims.FromSession(session.Principal), request);

        // prompt=none asks for a silent answer: without a session that is login_required, never a page.
        if (request.HasPromptValue(PromptValues.None))
            return Results.Forbid(Error(Errors.LoginRequired, "Nobody is signed in at the test provider."),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        return LoginPage.Render(Parameters(http.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))),
            antiforgery.GetAndStoreTokens(http), error: null);
    }

    private static IResult Issue(TestOidcUser user, OpenIddictRequest request) => Results.SignIn(
        TestUserClaims.ForTokens(user, request.GetScopes()), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static TestOidcUser? ReadUser(IFormCollection form)
    {
        var username = form["username"].ToString().Trim();
        var displayName = form["display_name"].ToString().Trim();
        var email = form["email"].ToString().Trim();
        if (username.Length == 0 || displayName.Length == 0 || email.Length == 0) return null;
        return new TestOidcUser(username, displayName, email, form["email_verified"].ToString() == "true");
    }

    // The original authorization request's parameters, carried through the form as hidden fields.
    private static IEnumerable<KeyValuePair<string, string>> Parameters(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.Where(f => !LoginPage.OwnFields.Contains(f.Key) && !f.Key.StartsWith("__", StringComparison.Ordinal));

    private static IEnumerable<KeyValuePair<string, string>> Parameters(IFormCollection form) =>
        Parameters(form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())));

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
