using System.Net;
using System.Text.RegularExpressions;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Identity;

/// <summary>Staff accounts over HTTP: what each role may open, invitations, two-factor sign-in, password reset, deactivation, throttling.</summary>
public sealed partial class StaffAccountTests(IdentityApps apps) : IClassFixture<IdentityApps>
{
    private const string Password = "a long test password";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}@example.org";

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Each_role_opens_exactly_what_it_should(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var expectations = new (string Role, string Path, bool Allowed)[]
        {
            (Roles.Administrator, "/admin/users", true), (Roles.Administrator, "/admin/settings/sign-in", true), (Roles.Administrator, "/admin/settings/discussion", true), (Roles.Administrator, "/admin/comments", true),
            (Roles.Editor, "/admin/users", false), (Roles.Editor, "/admin/settings/sign-in", false), (Roles.Editor, "/admin/settings/discussion", false), (Roles.Editor, "/admin/comments", true),
            (Roles.Author, "/admin/users", false), (Roles.Author, "/admin/settings/sign-in", false), (Roles.Author, "/admin/comments", true),
            (Roles.Contributor, "/admin/users", false), (Roles.Contributor, "/admin/comments", false),
        };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            var email = Unique(role.ToLowerInvariant());
            await StaffClient.CreateAsync(app, email, role, Password);
            clients[role] = await StaffClient.SignInAsync(app, email, Password);
        }
        foreach (var (role, path, allowed) in expectations)
        {
            var response = await clients[role].GetAsync(path);
            if (allowed) Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} should open {path}: {(int)response.StatusCode}");
            else Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/denied"),
                $"{role} should be refused {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        // Strangers are sent to sign in; a staff-only form posted by an Editor is refused, not carried out.
        var stranger = await app.CreatePlainClient().GetAsync("/admin/users");
        Assert.StartsWith("/account/signin", stranger.Headers.Location!.PathAndQuery);
        var editorPost = await clients[Roles.Editor].PostAsync("/admin/users?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string> { ["InviteEmail"] = "x@example.org" }));
        Assert.NotEqual(HttpStatusCode.OK, editorPost.StatusCode);
        Assert.DoesNotContain(apps.Smtp.Received, m => m.To == "x@example.org");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task An_invited_author_joins_with_a_strong_password_and_the_link_works_once(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        var invitee = Unique("invitee");
        var invited = await StaffClient.SubmitAsync(admin, "/admin/users", "form[action*='handler=Invite']",
            new Dictionary<string, string> { ["InviteEmail"] = invitee, ["InviteRole"] = Roles.Author });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var mail = await apps.Smtp.WaitForAsync(m => m.To == invitee);
        var link = new Uri(InvitationLink().Match(mail.Body).Value).PathAndQuery;

        var client = app.CreatePlainClient();
        var weak = await StaffClient.SubmitAsync(client, link, "form.auth__form",
            new Dictionary<string, string> { ["DisplayName"] = "Ivy Invitee", ["password"] = "password1234", ["confirm"] = "password1234" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var weakPage = HtmlPage.Parse(await weak.Content.ReadAsStringAsync());
        Assert.Contains("most common passwords", weakPage.QuerySelector(".form-errors")!.TextContent + weakPage.Body!.TextContent);
        Assert.Equal("Ivy Invitee", weakPage.QuerySelector("#join-name")!.GetAttribute("value"));

        var joined = await StaffClient.SubmitAsync(client, link, "form.auth__form",
            new Dictionary<string, string> { ["DisplayName"] = "Ivy Invitee", ["password"] = "lantern orchard tiny violin", ["confirm"] = "lantern orchard tiny violin" });
        Assert.Equal("/admin", joined.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/comments")).StatusCode);
        Assert.Contains("/account/denied", (await client.GetAsync("/admin/users")).Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePlainClient().GetAsync(link)).StatusCode);
        var log = await HtmlPage.GetAsync(admin, "/admin/users");
        Assert.Contains("invitation-accepted", log.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Two_factor_sign_in_asks_for_the_app_code_and_a_recovery_code_works_once(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = Unique("twofa");
        await StaffClient.CreateAsync(app, email, Roles.Editor, Password);
        var client = await StaffClient.SignInAsync(app, email, Password);

        var started = await StaffClient.SubmitAsync(client, "/account/security", "form[action*='handler=StartTwoFactor']", new Dictionary<string, string>());
        var key = HtmlPage.Parse(await started.Content.ReadAsStringAsync()).QuerySelector("[data-shared-key]")!.TextContent;
        var mistyped = await PostSecurityAsync(client, "EnableTwoFactor", new() { ["code"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
        var enabled = await PostSecurityAsync(client, "EnableTwoFactor", new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var codes = HtmlPage.Parse(await enabled.Content.ReadAsStringAsync()).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);

        // Password alone is no longer enough.
        var second = app.CreatePlainClient();
        var afterPassword = await StaffClient.SubmitAsync(second, "/account/signin", "form.auth__form--password", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
        Assert.StartsWith("/account/signin/two-factor", afterPassword.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, (await second.GetAsync("/admin/comments")).StatusCode);
        var bad = await StaffClient.SubmitAsync(second, afterPassword.Headers.Location.OriginalString, "form.auth__form", new Dictionary<string, string> { ["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var good = await StaffClient.SubmitAsync(second, afterPassword.Headers.Location.OriginalString, "form.auth__form", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin/comments")).StatusCode);

        // A recovery code: once.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var third = app.CreatePlainClient();
            var step = await StaffClient.SubmitAsync(third, "/account/signin", "form.auth__form--password", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
            var recovered = await StaffClient.SubmitAsync(third, step.Headers.Location!.OriginalString, "form.auth__form", new Dictionary<string, string> { ["Code"] = codes[0] });
            Assert.Equal(attempt == 0 ? HttpStatusCode.Redirect : HttpStatusCode.BadRequest, recovered.StatusCode);
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_reset_link_sets_a_new_password_once_and_says_nothing_about_unknown_addresses(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = Unique("forgetful");
        await StaffClient.CreateAsync(app, email, Roles.Author, Password);
        var known = await StaffClient.SubmitAsync(app.CreatePlainClient(), "/account/forgot", "form.auth__form", new Dictionary<string, string> { ["Email"] = email });
        var unknown = await StaffClient.SubmitAsync(app.CreatePlainClient(), "/account/forgot", "form.auth__form", new Dictionary<string, string> { ["Email"] = Unique("nobody") });
        Assert.Equal(HtmlPage.Parse(await known.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent,
            HtmlPage.Parse(await unknown.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent);

        var mail = await apps.Smtp.WaitForAsync(m => m.To == email);
        var link = new Uri(ResetLink().Match(mail.Body).Value).PathAndQuery;
        var reset = await StaffClient.SubmitAsync(app.CreatePlainClient(), link, "form.auth__form",
            new Dictionary<string, string> { ["password"] = "quiet harbour seven kites", ["confirm"] = "quiet harbour seven kites" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Your password is changed", await reset.Content.ReadAsStringAsync());
        var again = await StaffClient.SubmitAsync(app.CreatePlainClient(), link, "form.auth__form",
            new Dictionary<string, string> { ["password"] = "another long passphrase", ["confirm"] = "another long passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var old = await StaffClient.SubmitAsync(app.CreatePlainClient(), "/account/signin", "form.auth__form--password", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        await StaffClient.SignInAsync(app, email, "quiet harbour seven kites");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_deactivated_editor_cannot_sign_in_and_the_last_administrator_stays(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = Unique("leaving");
        var id = await StaffClient.CreateAsync(app, email, Roles.Editor, Password);
        var admin = await StaffClient.SignInAsync(app);
        var deactivated = await StaffClient.SubmitAsync(admin, "/admin/users", $"#user-{id} form[action*='handler=Active']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var refused = await StaffClient.SubmitAsync(app.CreatePlainClient(), "/account/signin", "form.auth__form--password", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("do not match an account", await refused.Content.ReadAsStringAsync());

        await StaffClient.SubmitAsync(admin, "/admin/users", $"#user-{id} form[action*='handler=Active']", new Dictionary<string, string>());
        await StaffClient.SignInAsync(app, email, Password);

        // The only administrator cannot be demoted. (A fresh site: other tests here add administrators.)
        await using var fresh = await ParleyApp.StartAsync(provider);
        var owner = await StaffClient.SignInAsync(fresh);
        var page = await HtmlPage.GetAsync(owner, "/admin/users");
        var adminRow = page.QuerySelectorAll("tr[id^=user-]").Single(r => r.TextContent.Contains(ParleyApp.AdminEmail));
        var adminId = adminRow.Id!["user-".Length..];
        var demote = await StaffClient.SubmitAsync(owner, "/admin/users", $"#user-{adminId} form[action*='handler=Role']", new Dictionary<string, string> { ["role"] = Roles.Editor });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("at least one active administrator", await demote.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Wrong_passwords_slow_down_with_growing_waits(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var email = Unique("guessed");
        await StaffClient.CreateAsync(app, email, Roles.Author, Password);
        HttpResponseMessage last = null!;
        for (var i = 0; i <= 5; i++)
            last = await StaffClient.SubmitAsync(app.CreatePlainClient(), "/account/signin", "form.auth__form--password", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "wrong guess number " + i });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Contains("Wait", await last.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostSecurityAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var page = await HtmlPage.GetAsync(client, "/account/security");
        var token = page.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!;
        fields["__parley_af"] = token;
        return await client.PostAsync("/account/security?handler=" + handler, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"https?://\S+/account/invitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"https?://\S+/account/reset\?userId=\S+")]
    private static partial Regex ResetLink();
}
