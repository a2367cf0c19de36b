using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Identity;

/// <summary>An administrator adds, fixes, hides and removes an outside sign-in; readers see the change at once.</summary>
public sealed class SignInSettingsTests(IdentityApps apps) : IClassFixture<IdentityApps>
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_provider_from_a_preset_is_validated_saved_with_its_secret_encrypted_and_offered_at_once(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        var key = "g" + Guid.NewGuid().ToString("N")[..6];

        var form = await HtmlPage.GetAsync(admin, "/admin/settings/sign-in?add=google");
        Assert.Equal("https://accounts.google.com", form.QuerySelector("#p-authority")!.GetAttribute("value"));
        Assert.Contains("/signin-google", form.QuerySelector("main code")!.TextContent);

        var missing = await StaffClient.SubmitAsync(admin, "/admin/settings/sign-in?add=google", "form.admin-form",
            new Dictionary<string, string> { ["Input.Key"] = key, ["Input.DisplayName"] = "Google", ["Input.ClientId"] = "", ["Input.ClientSecret"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var page = HtmlPage.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Contains("client id", page.QuerySelector("#p-client")!.ParentElement!.TextContent);
        Assert.Equal(key, page.QuerySelector("#p-key")!.GetAttribute("value"));
        Assert.DoesNotContain(">Continue with Google<", await (await app.CreatePlainClient().GetAsync("/account/signin")).Content.ReadAsStringAsync());

        var saved = await StaffClient.SubmitAsync(admin, "/admin/settings/sign-in?add=google", "form.admin-form",
            new Dictionary<string, string> { ["Input.Key"] = key, ["Input.DisplayName"] = "Google", ["Input.ClientId"] = "id-123", ["Input.ClientSecret"] = "s3cret-value" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var signIn = await HtmlPage.GetAsync(app.CreatePlainClient(), "/account/signin");
        Assert.Contains(signIn.QuerySelectorAll("form.auth__provider button"), b => b.TextContent == "Continue with Google");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().SignInProviders.SingleAsync(p => p.Key == key);
            Assert.DoesNotContain("s3cret-value", row.ClientSecretProtected);
        }
        var edit = await HtmlPage.GetAsync(admin, $"/admin/settings/sign-in?edit={key}");
        Assert.True(string.IsNullOrEmpty(edit.QuerySelector("#p-secret")!.GetAttribute("value")));
        Assert.DoesNotContain("s3cret-value", edit.DocumentElement.OuterHtml);

        // Switched off (secret left empty = kept): the button goes; removed: gone from the list.
        var off = await StaffClient.SubmitAsync(admin, $"/admin/settings/sign-in?edit={key}", "form.admin-form",
            new Dictionary<string, string> { ["Input.DisplayName"] = "Google", ["Input.ClientId"] = "id-123", ["Input.Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        signIn = await HtmlPage.GetAsync(app.CreatePlainClient(), "/account/signin");
        Assert.DoesNotContain(signIn.QuerySelectorAll("form.auth__provider input[name=provider]"), i => i.GetAttribute("value") == key);
    }
}
