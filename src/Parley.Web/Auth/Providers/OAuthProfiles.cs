using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Parley.Web.Auth.Providers;

/// <summary>
/// Reads the user endpoint of OAuth 2 services that are not OpenID Connect providers into the same
/// claims an OpenID Connect provider gives (sub, name, email, email_verified).
/// </summary>
public static class OAuthProfiles
{
    public static async Task ReadAsync(OAuthCreatingTicketContext ctx, string? preset)
    {
        using var profile = await GetAsync(ctx, ctx.Options.UserInformationEndpoint);
        var json = profile.RootElement;
        string? Text(string name) => ProviderOptionsSetup.Get(json, name) is { } v ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;

        string? id, name, email;
        var verified = false;
        if (preset == "wordpress")
        {
            (id, name, email) = (Text("ID"), Text("display_name") ?? Text("username"), Text("email"));
            verified = ProviderOptionsSetup.Get(json, "email_verified")?.ValueKind == JsonValueKind.True;
        }
        else
        {
            // GitHub's shape, also what most OAuth user endpoints look like.
            (id, name, email) = (Text("id"), Text("name") ?? Text("login"), null);
            if (preset == "github") (email, verified) = await GitHubPrimaryEmailAsync(ctx);
            else email = Text("email");
        }
        if (string.IsNullOrEmpty(id)) throw new InvalidOperationException("The provider's user endpoint gave no id.");
        var issuer = ctx.Options.ClaimsIssuer!;
        ctx.Identity!.AddClaim(new Claim("sub", id, ClaimValueTypes.String, issuer));
        if (name is not null) ctx.Identity.AddClaim(new Claim("name", name, ClaimValueTypes.String, issuer));
        if (email is not null) ctx.Identity.AddClaim(new Claim("email", email, ClaimValueTypes.String, issuer));
        ctx.Identity.AddClaim(new Claim("email_verified", verified ? "true" : "false", ClaimValueTypes.Boolean, issuer));
    }

    /// <summary>GitHub hides the address from the profile; its emails endpoint says which is primary and verified.</summary>
    private static async Task<(string?, bool)> GitHubPrimaryEmailAsync(OAuthCreatingTicketContext ctx)
    {
        try
        {
            using var emails = await GetAsync(ctx, ctx.Options.UserInformationEndpoint.TrimEnd('/') + "/emails");
            foreach (var entry in emails.RootElement.EnumerateArray())
                if (ProviderOptionsSetup.Get(entry, "primary")?.ValueKind == JsonValueKind.True)
                    return (ProviderOptionsSetup.Get(entry, "email")?.GetString(), ProviderOptionsSetup.Get(entry, "verified")?.ValueKind == JsonValueKind.True);
        }
        catch (HttpRequestException) { }
        return (null, false);
    }

    private static async Task<JsonDocument> GetAsync(OAuthCreatingTicketContext ctx, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ctx.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd("Parley");
        using var response = await ctx.Backchannel.SendAsync(request, ctx.HttpContext.RequestAborted);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ctx.HttpContext.RequestAborted), cancellationToken: ctx.HttpContext.RequestAborted);
    }
}
