using System.Net;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Identity;

/// <summary>The sign-in cookie's attributes, on a site whose public address is https.</summary>
public sealed class CookieTests
{
    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_host_only_secure_http_only_and_same_site()
    {
        await using var app = await ParleyApp.StartAsync(DatabaseProvider.Sqlite, settings: new() { ["Parley:PublicUrl"] = "https://blog.example.org" });
        var client = app.CreatePlainClient();
        var response = await StaffClient.SubmitAsync(client, "/account/signin", "form.auth__form--password",
            new Dictionary<string, string> { ["Email"] = ParleyApp.AdminEmail, ["Password"] = ParleyApp.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-parley_auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=lax", cookie);
        Assert.Contains("; path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
    }
}
