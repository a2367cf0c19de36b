using System.Net;
using System.Text.Json;
using Parley.Core.Data;
using Parley.Testing;
using Parley.Testing.Oidc;

namespace Parley.Web.Tests.Identity;

/// <summary>The reader's own page: linked identities, name, data download and deleting the account.</summary>
public sealed class ReaderAccountTests(OidcApps apps) : IClassFixture<OidcApps>
{
    private const string Post = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static async Task<HttpResponseMessage> AccountPostAsync(CookieBrowser browser, string handler, Dictionary<string, string> fields, string selector = "form")
    {
        var page = await HtmlPage.GetAsync(browser.Step, "/account");
        fields["__parley_af"] = page.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!;
        return await browser.Step.PostAsync("/account?handler=" + handler, new FormUrlEncodedContent(fields));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_reader_links_a_second_identity_renames_downloads_their_data_and_cannot_remove_the_last_way_in(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        var key = Unique("idp");
        var user = new TestOidcUser(Unique("lin"), "Lin Linker", "lin@example.org", true);
        await using var idp = await ParleyOidcSetup.AddProviderAsync(app, key, "Local ID", new() { AutoLogin = user });
        var email = Unique("lin") + "@example.org";
        using var browser = new CookieBrowser(app.BaseAddress);
        await EmailCodeSignIn.SignInAsync(browser.Step, apps.Smtp, email);
        await CommentPoster.PostOkAsync(browser.Step, Post, new Dictionary<string, string> { ["Body"] = "Before linking." });

        // Link the provider while signed in by email.
        var page = await HtmlPage.GetAsync(browser.Step, "/account");
        var linkForm = page.QuerySelectorAll("form.auth__provider").First(f => f.QuerySelector("input[name=provider]")!.GetAttribute("value") == key);
        var start = await browser.Step.PostAsync("/account/external", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__parley_af"] = linkForm.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!, ["provider"] = key, ["mode"] = "link", ["returnUrl"] = "/account",
        }));
        var linked = await browser.Follow.GetAsync(start.Headers.Location);
        Assert.Contains("The account is linked", await linked.Content.ReadAsStringAsync());

        // Signing in through the provider now reaches the same profile.
        using (var other = new CookieBrowser(app.BaseAddress))
        {
            await other.SignInAsync(key);
            Assert.Contains("Before linking.", (await HtmlPage.GetAsync(other.Step, "/account")).QuerySelector(".account__comments")!.TextContent);
        }

        var renamed = await AccountPostAsync(browser, "Profile", new() { ["DisplayName"] = "  Lin \u202E Renamed  " });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("Commenting as Lin Renamed", (await HtmlPage.GetAsync(browser.Step, Post)).QuerySelector(".comment-form__as")!.TextContent);

        var export = await AccountPostAsync(browser, "Export", []);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        Assert.Equal("Lin Renamed", json.RootElement.GetProperty("displayName").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("identities").GetArrayLength());
        Assert.Contains(json.RootElement.GetProperty("comments").EnumerateArray(), c => c.GetProperty("body").GetString() == "Before linking.");

        // Remove the email identity: fine, the provider remains. Then the provider: refused, it is the last way in.
        var identities = (await HtmlPage.GetAsync(browser.Step, "/account")).QuerySelectorAll(".account__identities form");
        string Field(AngleSharp.Dom.IElement f, string n) => f.QuerySelector($"input[name={n}]")!.GetAttribute("value")!;
        var emailForm = identities.First(f => Field(f, "issuer") == "email");
        Assert.Equal(HttpStatusCode.Redirect, (await AccountPostAsync(browser, "Unlink", new() { ["issuer"] = "email", ["subject"] = Field(emailForm, "subject") })).StatusCode);
        var last = await AccountPostAsync(browser, "Unlink", new() { ["issuer"] = idp.Issuer, ["subject"] = user.Subject });
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains("only way into your profile", await last.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_provider_verified_address_offers_to_join_the_existing_profile_and_an_unverified_one_does_not(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        var email = Unique("kim") + "@example.org";
        using (var first = new CookieBrowser(app.BaseAddress))
            await EmailCodeSignIn.SignInAsync(first.Step, apps.Smtp, email);

        var key = Unique("idp");
        await using var idp = await ParleyOidcSetup.AddProviderAsync(app, key, "Local ID", new() { AutoLogin = new(Unique("kim"), "Kim K", email, EmailVerified: false) });
        using (var unverified = new CookieBrowser(app.BaseAddress))
        {
            var landed = await unverified.SignInAsync(key, "/account");
            Assert.Equal("/account", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Single((await HtmlPage.GetAsync(unverified.Step, "/account")).QuerySelectorAll(".account__identities form"));
        }

        idp.AutoLogin = new(Unique("kim"), "Kim K", email, EmailVerified: true);
        using var browser = new CookieBrowser(app.BaseAddress);
        var offer = await browser.SignInAsync(key, "/account");
        Assert.Equal("/account/link", offer.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(email, await offer.Content.ReadAsStringAsync());
        var yes = await StaffClient.SubmitAsync(browser.Step, "/account/link", "form.auth__form", new Dictionary<string, string> { ["link"] = "true" });
        Assert.Equal("/account", yes.Headers.Location!.OriginalString);
        var profile = await HtmlPage.GetAsync(browser.Step, "/account");
        Assert.Equal(2, profile.QuerySelectorAll(".account__identities form").Length);
        Assert.Contains(email, profile.QuerySelector(".account__identities")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Deleting_an_account_keeps_or_removes_the_comments_as_the_reader_chose(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        foreach (var choice in new[] { "anonymise", "delete" })
        {
            using var browser = new CookieBrowser(app.BaseAddress);
            await EmailCodeSignIn.SignInAsync(browser.Step, apps.Smtp, Unique(choice) + "@example.org");
            await CommentPoster.PostOkAsync(browser.Step, Post, new Dictionary<string, string> { ["Body"] = "Mine to " + choice });
            await AccountPostAsync(browser, "Profile", new() { ["DisplayName"] = "Dee Leter " + choice });

            var unconfirmed = await AccountPostAsync(browser, "Delete", new() { ["comments"] = choice });
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
            var deleted = await AccountPostAsync(browser, "Delete", new() { ["comments"] = choice, ["confirm"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.Step.GetAsync("/account")).StatusCode);

            using var stranger = new CookieBrowser(app.BaseAddress);
            var thread = (await HtmlPage.GetAsync(stranger.Step, Post)).QuerySelector("#comments")!.TextContent;
            Assert.DoesNotContain("Dee Leter " + choice, thread);
            if (choice == "anonymise") Assert.Contains("Mine to anonymise", thread);
            else Assert.DoesNotContain("Mine to delete", thread);
        }
    }
}
