using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Parley.Testing.Oidc;

/// <summary>
/// The provider's sign-in form. It posts back to the authorization endpoint with the original request's
/// parameters as hidden fields, so OpenIddict validates the request again on the way in and no server-side
/// state is needed between the two steps.
/// </summary>
internal static class LoginPage
{
    public static readonly string[] OwnFields = ["username", "display_name", "email", "email_verified"];

    public static IResult Render(IEnumerable<KeyValuePair<string, string>> requestParameters, AntiforgeryTokenSet csrf, string? error)
    {
        var html = HtmlEncoder.Default;
        var hidden = new StringBuilder();
        foreach (var (name, value) in requestParameters)
            hidden.Append($"""<input type="hidden" name="{html.Encode(name)}" value="{html.Encode(value)}">""").Append('\n');
        hidden.Append($"""<input type="hidden" name="{html.Encode(csrf.FormFieldName)}" value="{html.Encode(csrf.RequestToken ?? "")}">""");

        var message = error is null ? "" : $"""<p role="alert">{html.Encode(error)}</p>""";
        var page = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign in to the test provider</title></head>
            <body>
            <h1>Test OpenID Connect provider</h1>
            {message}
            <form method="post" action="{OidcPaths.Authorization}">
            {hidden}
            <p><label for="username">Username</label> <input id="username" name="username" required></p>
            <p><label for="display_name">Display name</label> <input id="display_name" name="display_name" required></p>
            <p><label for="email">Email</label> <input id="email" name="email" type="email" required></p>
            <p><input id="email_verified" name="email_verified" type="checkbox" value="true"> <label for="email_verified">Email verified</label></p>
            <p><button type="submit">Sign in</button></p>
            </form>
            </body>
            </html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, error is null ? 200 : 400);
    }
}
