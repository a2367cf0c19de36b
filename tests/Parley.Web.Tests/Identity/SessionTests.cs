using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Identity;

/// <summary>Sign-ins live on the server: a copied cookie dies with sign-out, a password change or "end this session".</summary>
public sealed class SessionTests(IdentityApps apps) : IClassFixture<IdentityApps>
{
    private const string Password = "a long test password";

    /// <summary>Signs in with a client that keeps no cookies itself, and returns the sign-in cookie as a browser would send it.</summary>
    private static async Task<string> SignInCookieAsync(ParleyApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/account/signin");
        var antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var page = HtmlPage.Parse(await form.Content.ReadAsStringAsync());
        var token = page.QuerySelector("form.auth__form--password input[name=__parley_af]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__parley_af"] = token, ["Email"] = email, ["Password"] = Password }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return antiforgery + "; " + response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("parley_auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> GetWithCookieAsync(ParleyApp app, string cookie, string path = "/admin/comments")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    private static async Task<HttpResponseMessage> PostWithCookieAsync(ParleyApp app, string cookie, string page, string selector, Dictionary<string, string> fields)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var get = new HttpRequestMessage(HttpMethod.Get, page);
        get.Headers.Add("Cookie", cookie);
        var html = HtmlPage.Parse(await (await client.SendAsync(get)).Content.ReadAsStringAsync());
        var form = html.QuerySelector(selector)!;
        fields["__parley_af"] = form.QuerySelector("input[name=__parley_af]")?.GetAttribute("value") ?? html.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!;
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
            fields.TryAdd(input.GetAttribute("name")!, input.GetAttribute("value") ?? "");
        using var post = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action") is { Length: > 0 } action ? action : page) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookie);
        return await client.SendAsync(post);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_copied_cookie_stops_working_when_its_owner_signs_out(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = $"copied-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, email, Roles.Editor, Password);
        var cookie = await SignInCookieAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(app, cookie));

        var signedOut = await PostWithCookieAsync(app, cookie, "/account/signout", "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        // The very same cookie, replayed by someone who copied it: no longer a sign-in.
        Assert.Equal(HttpStatusCode.Redirect, await GetWithCookieAsync(app, cookie));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_password_change_ends_the_other_devices_at_once_and_a_device_can_be_ended_from_the_list(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = $"devices-{Guid.NewGuid():N}@example.org";
        await StaffClient.CreateAsync(app, email, Roles.Author, Password);
        var laptop = await SignInCookieAsync(app, email);
        var phone = await SignInCookieAsync(app, email);
        var tablet = await SignInCookieAsync(app, email);

        // The laptop ends the tablet's session from the list of devices.
        var list = HtmlPage.Parse(await (await SendAsync(app, laptop, "/account/security")).Content.ReadAsStringAsync());
        var devices = list.QuerySelectorAll(".account__devices li");
        Assert.Equal(3, devices.Length);
        var other = devices.First(d => d.QuerySelector(".badge") is null).QuerySelector("input[name=id]")!.GetAttribute("value")!;
        await PostWithCookieAsync(app, laptop, "/account/security", $".account__devices form:has(input[value='{other}'])", []);
        var alive = new[] { phone, tablet }.Count(c => GetWithCookieAsync(app, c).Result == HttpStatusCode.OK);
        Assert.Equal(1, alive);

        var changed = await PostWithCookieAsync(app, laptop, "/account/security", "form[action*='handler=Password']",
            new() { ["current"] = Password, ["password"] = "brand new long passphrase", ["confirm"] = "brand new long passphrase" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await GetWithCookieAsync(app, phone));
        Assert.Equal(HttpStatusCode.Redirect, await GetWithCookieAsync(app, tablet));
        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(app, laptop));
    }

    private static async Task<HttpResponseMessage> SendAsync(ParleyApp app, string cookie, string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
