using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;
using Parley.Testing.FakeOAuth;
using Parley.Web.Auth.Providers;

namespace Parley.Web.Tests.Identity;

/// <summary>GitHub (OAuth 2 with a user endpoint) and a Mastodon server (the reader names it), both as fakes on loopback.</summary>
public sealed class OAuthAndFediverseTests(OidcApps apps) : IClassFixture<OidcApps>
{
    private const string Post = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";

    private static async Task AddAsync(ParleyApp app, ProviderInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignInProviderStore>().SaveAsync(input);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_reader_signs_in_from_their_fediverse_server_and_Parley_registers_there_once(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        await using var server = await FakeOAuthServer.StartAsync();
        var key = "fedi" + Guid.NewGuid().ToString("N")[..6];
        await AddAsync(app, new ProviderInput { Key = key, Kind = SignInProviderKind.Fediverse, Preset = "fediverse", DisplayName = "Mastodon" });
        server.SignedIn = new FakeOAuthServer.Person("1" + Random.Shared.Next(1000, 9999), "tootie", "Toot \u200Bie");

        using var browser = new CookieBrowser(app.BaseAddress);
        var landed = await browser.SignInAsync(key, Post + "#respond", "@tootie@" + server.Host);
        Assert.Equal(Post, landed.RequestMessage!.RequestUri!.AbsolutePath);
        var form = HtmlPage.Parse(await landed.Content.ReadAsStringAsync());
        Assert.Contains($"Commenting as Toot ie via {server.Host}", form.QuerySelector(".comment-form__as")!.TextContent);
        var id = await CommentPoster.PostOkAsync(browser.Step, Post, new Dictionary<string, string> { ["Body"] = "Hello from the fediverse." });
        using var stranger = new CookieBrowser(app.BaseAddress);
        Assert.Equal($"via {server.Host}", (await HtmlPage.GetAsync(stranger.Step, Post)).QuerySelector($"#comment-{id} .badge--via")!.TextContent);

        using (var again = new CookieBrowser(app.BaseAddress))
            await again.SignInAsync(key, "/", server.Host);
        Assert.Equal(1, server.Registrations);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_server_name_that_is_not_a_host_is_refused_with_a_sentence(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        var key = "fedi" + Guid.NewGuid().ToString("N")[..6];
        await AddAsync(app, new ProviderInput { Key = key, Kind = SignInProviderKind.Fediverse, Preset = "fediverse", DisplayName = "Mastodon" });
        using var browser = new CookieBrowser(app.BaseAddress);
        foreach (var typed in new[] { "", "not a server", "javascript:alert(1)", "https://user:pw@example.org", new string('a', 400) })
        {
            var start = await browser.StartAsync(key, "/", typed);
            Assert.Contains("problem=server", start.Headers.Location!.ToString());
        }
        var page = await HtmlPage.GetAsync(browser.Step, "/account/signin?problem=server");
        Assert.Contains("Type the address of your fediverse server", page.QuerySelector(".form-errors")!.TextContent);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_reader_signs_in_with_GitHub_and_gets_the_verified_primary_address(DatabaseProvider provider)
    {
        var app = await apps.GetPublishingAsync(provider);
        await using var github = await FakeOAuthServer.StartAsync();
        var key = "gh" + Guid.NewGuid().ToString("N")[..6];
        github.AddClient("gh-client", "gh-secret", app.BaseAddress + "/signin-" + key);
        github.SignedIn = new FakeOAuthServer.Person("4242" + Random.Shared.Next(100, 999), "octo", "Octo Cat", "octo@example.org", EmailVerified: true);
        await AddAsync(app, new ProviderInput
        {
            Key = key, Kind = SignInProviderKind.OAuth, Preset = "github", DisplayName = "GitHub",
            AuthorizationEndpoint = github.BaseAddress + "/login/oauth/authorize", TokenEndpoint = github.BaseAddress + "/login/oauth/access_token",
            UserInfoEndpoint = github.BaseAddress + "/user", Scopes = "read:user user:email", ClientId = "gh-client", ClientSecret = "gh-secret",
        });

        using var browser = new CookieBrowser(app.BaseAddress);
        var landed = await browser.SignInAsync(key, Post);
        Assert.Contains("Commenting as Octo Cat via GitHub", HtmlPage.Parse(await landed.Content.ReadAsStringAsync()).QuerySelector(".comment-form__as")!.TextContent);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ParleyUser>>();
        var octo = await users.FindByLoginAsync(new Uri(github.BaseAddress).GetLeftPart(UriPartial.Authority), github.SignedIn.Id);
        Assert.NotNull(octo);
        Assert.Equal("octo@example.org", octo.Email);
        Assert.True(octo.EmailConfirmed);
    }
}
