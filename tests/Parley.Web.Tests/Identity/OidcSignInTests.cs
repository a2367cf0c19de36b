using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;
using Parley.Testing.Oidc;

namespace Parley.Web.Tests.Identity;

/// <summary>
/// Sign-in through a real OpenID Connect provider on loopback, over real HTTP with a cookie-keeping
/// client: the happy path, and every tampered or replayed step refused.
/// </summary>
public sealed class OidcSignInTests(OidcApps apps) : IClassFixture<OidcApps>
{
    private const string Post = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_reader_signs_in_through_the_provider_and_comments_with_its_badge(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        var key = Unique("idp");
        var user = new TestOidcUser(Unique("ada"), "Ada \u202Eevil\u202C Lovelace", "ada@example.org", EmailVerified: true);
        await using var idp = await ParleyOidcSetup.AddProviderAsync(app, key, "Local ID", new() { AutoLogin = user });
        using var browser = new CookieBrowser(app.BaseAddress);

        var toProvider = await browser.StartAsync(key, Post + "#respond");
        Assert.Equal(HttpStatusCode.Redirect, toProvider.StatusCode);
        Assert.StartsWith(idp.Issuer, toProvider.Headers.Location!.ToString());
        var landed = await browser.Follow.GetAsync(toProvider.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal(Post, landed.RequestMessage!.RequestUri!.AbsolutePath);

        // The request carried state, nonce and a PKCE challenge.
        var sent = QueryHelpers.ParseQuery(new Uri(idp.Issuer + "x?" + idp.AuthorizationRequests.Last().TrimStart('?')).Query);
        Assert.Equal("S256", sent["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(sent["state"]));
        Assert.False(string.IsNullOrEmpty(sent["nonce"]));

        var form = HtmlPage.Parse(await landed.Content.ReadAsStringAsync());
        var asLine = form.QuerySelector(".comment-form__as")!.TextContent;
        // The bidi override the provider sent in the name is gone.
        Assert.Contains("Ada evil Lovelace", asLine);
        Assert.Contains("via Local ID", asLine);

        var body = $"Through the provider {Guid.NewGuid():N}";
        var id = await CommentPoster.PostOkAsync(browser.Step, Post, new Dictionary<string, string> { ["Body"] = body });
        using var stranger = new CookieBrowser(app.BaseAddress);
        var page = await HtmlPage.GetAsync(stranger.Step, Post);
        Assert.Equal("via Local ID", page.QuerySelector($"#comment-{id} .badge--via")!.TextContent);

        // Signing in again with the same identity finds the same account: issuer + subject, not the name or email.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var logins = await db.UserLogins.Where(l => l.ProviderKey == user.Subject).ToListAsync();
        Assert.Equal(idp.Issuer, Assert.Single(logins).LoginProvider);
        using var again = new CookieBrowser(app.BaseAddress);
        await again.Follow.GetAsync((await again.StartAsync(key, "/")).Headers.Location);
        Assert.Single(await db.UserLogins.Where(l => l.ProviderKey == user.Subject).ToListAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_wrong_issuer_a_wrong_audience_or_a_missing_nonce_is_refused(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        foreach (var (options, reason) in new (TestOidcProviderOptions, string)[]
        {
            (new() { AutoLogin = new(Unique("mallory"), "Mallory", "m@example.org", true), OverrideIssuer = "http://127.0.0.1:1/" }, "IDX10205"),
            (new() { AutoLogin = new(Unique("nina"), "Nina", "n@example.org", true), OmitNonce = true }, "IDX21320"),
            (new() { AutoLogin = new(Unique("otto"), "Otto", "o@example.org", true), OverrideAudience = "some-other-client" }, "IDX10214"),
        })
        {
            var key = Unique("bad");
            await using var idp = await ParleyOidcSetup.AddProviderAsync(app, key, "Bad ID", options);
            using var browser = new CookieBrowser(app.BaseAddress);
            var landed = await browser.Follow.GetAsync((await browser.StartAsync(key, "/")).Headers.Location);
            Assert.Equal("/account/signin", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("did not complete", await landed.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await browser.Step.GetAsync("/account")).StatusCode);
            // Refused for the right reason (the framework's error code), and written to the security log.
            await using var scope = app.Services.CreateAsyncScope();
            var events = await scope.ServiceProvider.GetRequiredService<SecurityLog>().RecentAsync(take: 20);
            Assert.Contains(events, e => e.Kind == SecurityLog.Kinds.SignInFailed && e.Detail!.Contains(reason, StringComparison.Ordinal));
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Tampered_state_a_replayed_callback_and_a_foreign_return_address_are_refused(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        var key = Unique("idp");
        await using var idp = await ParleyOidcSetup.AddProviderAsync(app, key, "Local ID", new() { AutoLogin = new(Unique("tim"), "Tim", "t@example.org", true) });

        // Tampered state: the callback is refused and nobody is signed in.
        using (var browser = new CookieBrowser(app.BaseAddress))
        {
            var atProvider = await browser.Step.GetAsync((await browser.StartAsync(key, "/")).Headers.Location);
            var callback = atProvider.Headers.Location!.ToString();
            Assert.Contains("/signin-" + key, callback);
            var tampered = callback.Replace("state=", "state=x", StringComparison.Ordinal);
            var landed = await browser.Follow.GetAsync(tampered);
            Assert.Equal("/account/signin", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.Step.GetAsync("/account")).StatusCode);

            // The untouched callback, replayed after the correlation cookie was spent, is refused as well.
            using var other = new CookieBrowser(app.BaseAddress);
            var replay = await other.Follow.GetAsync(callback);
            Assert.Equal("/account/signin", replay.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Redirect, (await other.Step.GetAsync("/account")).StatusCode);
        }

        // A return address on another site ends on this site's home page instead.
        using (var browser = new CookieBrowser(app.BaseAddress))
        {
            var landed = await browser.Follow.GetAsync((await browser.StartAsync(key, "https://evil.example/steal")).Headers.Location);
            Assert.Equal(new Uri(app.BaseAddress).Authority, landed.RequestMessage!.RequestUri!.Authority);
            Assert.Equal("/", landed.RequestMessage.RequestUri.AbsolutePath);
        }

        // An unknown provider key is refused with a sentence, not an exception.
        using (var browser = new CookieBrowser(app.BaseAddress))
        {
            var page = await HtmlPage.GetAsync(browser.Step, "/account/signin");
            var token = page.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!;
            var unknown = await browser.Step.PostAsync("/account/external", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__parley_af"] = token, ["provider"] = "nope",
            }));
            Assert.Contains("problem=unknown", unknown.Headers.Location!.ToString());
            var noToken = await browser.Step.PostAsync("/account/external", new FormUrlEncodedContent(new Dictionary<string, string> { ["provider"] = key }));
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_staff_identity_cannot_come_in_through_a_provider_and_a_deactivated_reader_is_refused(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        var key = Unique("idp");
        var user = new TestOidcUser(Unique("dora"), "Dora", "d@example.org", true);
        await using var idp = await ParleyOidcSetup.AddProviderAsync(app, key, "Local ID", new() { AutoLogin = user });
        using (var browser = new CookieBrowser(app.BaseAddress))
            await browser.Follow.GetAsync((await browser.StartAsync(key, "/")).Headers.Location);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ParleyUser>>();
            var dora = (await users.FindByLoginAsync(idp.Issuer, user.Subject))!;
            dora.DeactivatedAt = DateTime.UtcNow;
            await users.UpdateAsync(dora);
        }
        using (var browser = new CookieBrowser(app.BaseAddress))
        {
            var landed = await browser.Follow.GetAsync((await browser.StartAsync(key, "/")).Headers.Location);
            Assert.Contains("deactivated", await landed.Content.ReadAsStringAsync());
        }

        var staffUser = new TestOidcUser(Unique("sam"), "Sam", "s@example.org", true);
        idp.AutoLogin = staffUser;
        using (var browser = new CookieBrowser(app.BaseAddress))
            await browser.Follow.GetAsync((await browser.StartAsync(key, "/")).Headers.Location);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ParleyUser>>();
            await users.AddToRoleAsync((await users.FindByLoginAsync(idp.Issuer, staffUser.Subject))!, Roles.Editor);
        }
        using (var browser = new CookieBrowser(app.BaseAddress))
        {
            var landed = await browser.Follow.GetAsync((await browser.StartAsync(key, "/")).Headers.Location);
            Assert.Contains("Staff accounts sign in with their email address and password", await landed.Content.ReadAsStringAsync());
        }
    }
}
