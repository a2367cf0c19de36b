using Parley.Core.Accounts;
using Parley.Web.Auth.Providers;

namespace Parley.Web.Hosting;

/// <summary>
/// Headers every answer carries. The content policy allows scripts and styles from this site only;
/// frames and media may come from any https host, but only after a reader clicks a video placeholder.
/// Forms post to this site only — except on the account pages, whose sign-in buttons lead on (by a
/// redirect, which the browser checks against form-action too) to the outside providers the owner chose.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; " +
        "media-src 'self' https:; frame-src https:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context, SignInProviderRegistry providers)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/account") ? Policy + FormTargets(providers) : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        return next(context);
    }

    private static string FormTargets(SignInProviderRegistry providers)
    {
        var origins = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var provider in providers.Enabled)
        {
            var url = provider.Kind switch
            {
                SignInProviderKind.OpenIdConnect => provider.Authority,
                SignInProviderKind.OAuth => provider.AuthorizationEndpoint,
                // The reader names the server: any https site (and plain http only where the tests allow it).
                _ => null,
            };
            if (provider.Kind == SignInProviderKind.Fediverse) origins.Add("https:");
            else if (Uri.TryCreate(url, UriKind.Absolute, out var uri)) origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }
        if (providers.FediverseOverHttp && providers.Enabled.Any(p => p.Kind == SignInProviderKind.Fediverse)) origins.Add("http:");
        return origins.Count == 0 ? "" : " " + string.Join(' ', origins);
    }
}
