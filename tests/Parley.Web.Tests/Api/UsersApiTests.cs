using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Settings;
using Parley.Testing;
using static Parley.Web.Tests.Api.ApiTests;

namespace Parley.Web.Tests.Api;

/// <summary>
/// The staff through the API (invite, read, rename, change role, deactivate — Administrators, with the admin Users page's
/// rules and mail), and single tags and categories: success, permissions, the last administrator, bad input, unknown ids.
/// </summary>
public sealed partial class UsersApiTests(UsersApiApps apps) : IClassFixture<UsersApiApps>
{
    private const string Password = "a long test password";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}@example.org";

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task An_administrator_invites_by_mail_and_the_invitee_joins_as_a_user(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var signedIn = await StaffClient.SignInAsync(app);
        var write = WithToken(app, await TokenAsync(signedIn, write: true));
        var invitee = Unique("api-invitee");

        var invited = await write.PostAsJsonAsync("/api/v1/users", new { email = invitee, role = "author" });
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        using (var json = JsonDocument.Parse(await invited.Content.ReadAsStringAsync()))
        {
            Assert.Equal(invitee, json.RootElement.GetProperty("email").GetString());
            Assert.Equal(Roles.Author, json.RootElement.GetProperty("role").GetString());
            Assert.True(json.RootElement.GetProperty("expiresAt").GetDateTime() > DateTime.UtcNow.AddDays(6));
        }
        var mail = await apps.Smtp.WaitForAsync(m => m.To == invitee);
        Assert.Contains("as an Author", mail.Body);

        // The same address again, in other letters: the open invitation is withdrawn first, on the Users page.
        var again = await ProblemAsync(await write.PostAsJsonAsync("/api/v1/users", new { email = invitee.ToUpperInvariant(), role = "Editor" }), HttpStatusCode.Conflict);
        Assert.Contains("still open", again.GetProperty("detail").GetString());
        // One rule for both doors: the Users page refuses it too, beside the address.
        var onPage = await StaffClient.SubmitAsync(signedIn, "/admin/users", "form[action*='handler=Invite']",
            new Dictionary<string, string> { ["InviteEmail"] = invitee, ["InviteRole"] = Roles.Editor });
        Assert.Equal(HttpStatusCode.BadRequest, onPage.StatusCode);
        Assert.Contains("still open", HtmlPage.Parse(await onPage.Content.ReadAsStringAsync()).QuerySelector(".field__error")!.TextContent);
        var taken = await ProblemAsync(await write.PostAsJsonAsync("/api/v1/users", new { email = ParleyApp.AdminEmail, role = "Editor" }), HttpStatusCode.Conflict);
        Assert.Contains("already uses that address", taken.GetProperty("detail").GetString());

        // They accept; from then on they are a user of the API, and their address is taken.
        var link = new Uri(InvitationLink().Match(mail.Body).Value).PathAndQuery;
        var joined = await StaffClient.SubmitAsync(app.CreatePlainClient(), link, "form.auth__form",
            new Dictionary<string, string> { ["DisplayName"] = "Ivy Api", ["password"] = "lantern orchard tiny violin", ["confirm"] = "lantern orchard tiny violin" });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        using (var list = JsonDocument.Parse(await write.GetStringAsync("/api/v1/users")))
        {
            var id = list.RootElement.EnumerateArray().Single(u => u.GetProperty("email").GetString() == invitee).GetProperty("id").GetString();
            using var one = JsonDocument.Parse(await write.GetStringAsync($"/api/v1/users/{id}"));
            Assert.Equal("Ivy Api", one.RootElement.GetProperty("name").GetString());
            Assert.Equal(new[] { Roles.Author }, one.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
            Assert.False(one.RootElement.GetProperty("deactivated").GetBoolean());
        }
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/users", new { email = invitee, role = "Editor" }), HttpStatusCode.Conflict);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Only_an_administrators_write_token_invites_and_bad_input_is_a_problem(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var signedIn = await StaffClient.SignInAsync(app);
        var write = WithToken(app, await TokenAsync(signedIn, write: true));
        var read = WithToken(app, await TokenAsync(signedIn, write: false));
        var editorEmail = Unique("api-editor");
        await StaffClient.CreateAsync(app, editorEmail, Roles.Editor, Password);
        var editor = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app, editorEmail, Password), write: true));

        var refused = Unique("api-refused");
        await ProblemAsync(await editor.PostAsJsonAsync("/api/v1/users", new { email = refused, role = "Author" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await read.PostAsJsonAsync("/api/v1/users", new { email = refused, role = "Author" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await app.CreatePlainClient().PostAsJsonAsync("/api/v1/users", new { email = refused, role = "Author" }), HttpStatusCode.Unauthorized);

        var badEmail = await ProblemAsync(await write.PostAsJsonAsync("/api/v1/users", new { email = "not an address", role = "Author" }), HttpStatusCode.BadRequest);
        Assert.True(badEmail.GetProperty("errors").TryGetProperty("email", out _));
        var badRole = await ProblemAsync(await write.PostAsJsonAsync("/api/v1/users", new { email = refused, role = "Janitor" }), HttpStatusCode.BadRequest);
        Assert.True(badRole.GetProperty("errors").TryGetProperty("role", out _));
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/users", new { email = new string('a', 250) + "@example.org", role = "Author" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/users", new { }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsync("/api/v1/users", new StringContent("{ not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/users", new { email = 42, role = new[] { "Author" } }), HttpStatusCode.BadRequest);

        // Mail goes out in order: once a later invitation has arrived, the refused ones would have too.
        var later = Unique("api-later");
        Assert.Equal(HttpStatusCode.Accepted, (await write.PostAsJsonAsync("/api/v1/users", new { email = later, role = "Contributor" })).StatusCode);
        await apps.Smtp.WaitForAsync(m => m.To == later);
        Assert.DoesNotContain(apps.Smtp.Received, m => m.To == refused);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Administrators_read_rename_change_roles_and_deactivate_staff_but_never_readers(DatabaseProvider provider)
    {
        var app = await apps.GetWithMailAsync(provider);
        var signedIn = await StaffClient.SignInAsync(app);
        var write = WithToken(app, await TokenAsync(signedIn, write: true));
        var read = WithToken(app, await TokenAsync(signedIn, write: false));
        var email = Unique("api-staff");
        var id = await StaffClient.CreateAsync(app, email, Roles.Editor, Password);
        var theirs = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app, email, Password), write: true));

        using (var one = JsonDocument.Parse(await read.GetStringAsync($"/api/v1/users/{id}")))
        {
            Assert.Equal(email, one.RootElement.GetProperty("email").GetString());
            Assert.Equal(new[] { Roles.Editor }, one.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
        }
        using (var adminSeenByEditor = JsonDocument.Parse(await theirs.GetStringAsync("/api/v1/users")))
            Assert.All(adminSeenByEditor.RootElement.EnumerateArray(), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("email").ValueKind));
        // An Editor manages no one, themselves included.
        await ProblemAsync(await theirs.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "Administrator" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await read.PutAsJsonAsync($"/api/v1/users/{id}", new { name = "Read only" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await read.DeleteAsync($"/api/v1/users/{id}"), HttpStatusCode.Forbidden);

        var changed = await write.PutAsJsonAsync($"/api/v1/users/{id}", new { name = "  Renamed  Through the API ", role = "author" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using (var json = JsonDocument.Parse(await changed.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Renamed Through the API", json.RootElement.GetProperty("name").GetString());
            Assert.Equal(new[] { Roles.Author }, json.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
        }
        // The token acts with the new role at once: an Author makes no tags.
        await ProblemAsync(await theirs.PostAsJsonAsync("/api/v1/tags", new { name = "Not an editor any more" }), HttpStatusCode.Forbidden);

        await ProblemAsync(await write.PutAsJsonAsync($"/api/v1/users/{id}", new { }), HttpStatusCode.BadRequest);
        var noName = await ProblemAsync(await write.PutAsJsonAsync($"/api/v1/users/{id}", new { name = " " }), HttpStatusCode.BadRequest);
        Assert.True(noName.GetProperty("errors").TryGetProperty("name", out _));
        await ProblemAsync(await write.PutAsJsonAsync($"/api/v1/users/{id}", new { name = new string('n', 61) }), HttpStatusCode.BadRequest);
        var badRole = await ProblemAsync(await write.PutAsJsonAsync($"/api/v1/users/{id}", new { name = "Not saved", role = "Overlord" }), HttpStatusCode.BadRequest);
        Assert.True(badRole.GetProperty("errors").TryGetProperty("role", out _));
        using (var unchanged = JsonDocument.Parse(await read.GetStringAsync($"/api/v1/users/{id}")))
            Assert.Equal("Renamed Through the API", unchanged.RootElement.GetProperty("name").GetString());

        // Readers and unknown ids: the same 404, so a reader's id tells nothing.
        var reader = await ReaderAsync(app);
        foreach (var nobody in new[] { reader, "no-such-user" })
        {
            await ProblemAsync(await read.GetAsync($"/api/v1/users/{nobody}"), HttpStatusCode.NotFound);
            var put = await ProblemAsync(await write.PutAsJsonAsync($"/api/v1/users/{nobody}", new { role = "Editor" }), HttpStatusCode.NotFound);
            var delete = await ProblemAsync(await write.DeleteAsync($"/api/v1/users/{nobody}"), HttpStatusCode.NotFound);
            Assert.Equal(put.GetProperty("detail").GetString(), delete.GetProperty("detail").GetString());
        }
        using (var list = JsonDocument.Parse(await read.GetStringAsync("/api/v1/users")))
            Assert.DoesNotContain(list.RootElement.EnumerateArray(), u => u.GetProperty("id").GetString() == reader);

        // Deactivated: listed and marked, their token stops working; a second delete changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await write.DeleteAsync($"/api/v1/users/{id}")).StatusCode);
        await ProblemAsync(await theirs.GetAsync("/api/v1/users"), HttpStatusCode.Unauthorized);
        using (var gone = JsonDocument.Parse(await read.GetStringAsync($"/api/v1/users/{id}")))
            Assert.True(gone.RootElement.GetProperty("deactivated").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await write.DeleteAsync($"/api/v1/users/{id}")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_last_active_administrator_is_never_demoted_or_deactivated(DatabaseProvider provider)
    {
        // A fresh site, so the seeded owner is its only administrator whatever the other tests did.
        await using var app = await ParleyApp.StartAsync(provider);
        var owner = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app), write: true));
        string ownerId;
        using (var list = JsonDocument.Parse(await owner.GetStringAsync("/api/v1/users")))
            ownerId = list.RootElement.EnumerateArray().Single(u => u.GetProperty("email").GetString() == ParleyApp.AdminEmail).GetProperty("id").GetString()!;

        var demoted = await ProblemAsync(await owner.PutAsJsonAsync($"/api/v1/users/{ownerId}", new { name = "Not saved either", role = "Editor" }), HttpStatusCode.Conflict);
        Assert.Contains("at least one active administrator", demoted.GetProperty("detail").GetString());
        var deactivated = await ProblemAsync(await owner.DeleteAsync($"/api/v1/users/{ownerId}"), HttpStatusCode.Conflict);
        Assert.Contains("at least one active administrator", deactivated.GetProperty("detail").GetString());
        using (var same = JsonDocument.Parse(await owner.GetStringAsync($"/api/v1/users/{ownerId}")))
        {
            Assert.NotEqual("Not saved either", same.RootElement.GetProperty("name").GetString());
            Assert.Equal(new[] { Roles.Administrator }, same.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
        }

        // With a second administrator the owner may step down; then the second is the last one.
        var secondEmail = Unique("api-admin");
        var secondId = await StaffClient.CreateAsync(app, secondEmail, Roles.Administrator, Password);
        var second = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app, secondEmail, Password), write: true));
        Assert.Equal(HttpStatusCode.OK, (await second.PutAsJsonAsync($"/api/v1/users/{ownerId}", new { role = "Editor" })).StatusCode);
        await ProblemAsync(await owner.PostAsJsonAsync("/api/v1/users", new { email = Unique("api-nope"), role = "Author" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await second.PutAsJsonAsync($"/api/v1/users/{secondId}", new { role = "Author" }), HttpStatusCode.Conflict);
        await ProblemAsync(await second.DeleteAsync($"/api/v1/users/{secondId}"), HttpStatusCode.Conflict);

        // Two administrators again: still nobody deactivates themselves, but one may deactivate the other.
        Assert.Equal(HttpStatusCode.OK, (await second.PutAsJsonAsync($"/api/v1/users/{ownerId}", new { role = "Administrator" })).StatusCode);
        var self = await ProblemAsync(await second.DeleteAsync($"/api/v1/users/{secondId}"), HttpStatusCode.BadRequest);
        Assert.Contains("your own account", self.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/users/{secondId}")).StatusCode);
        await ProblemAsync(await second.GetAsync("/api/v1/users"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Editors_create_tags_and_anyone_reads_one_tag_or_category(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var signedIn = await StaffClient.SignInAsync(app);
        var write = WithToken(app, await TokenAsync(signedIn, write: true));
        var read = WithToken(app, await TokenAsync(signedIn, write: false));
        var anyone = app.CreatePlainClient();
        var name = $"Kettles {provider} {Guid.NewGuid().ToString("N")[..6]}";

        var made = await write.PostAsJsonAsync("/api/v1/tags", new { name = "  " + name + " " });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        using var tag = JsonDocument.Parse(await made.Content.ReadAsStringAsync());
        var id = tag.RootElement.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/tags/{id}", made.Headers.Location!.OriginalString);
        Assert.Equal(name, tag.RootElement.GetProperty("name").GetString());
        Assert.Equal(0, tag.RootElement.GetProperty("posts").GetInt32());
        using (var got = JsonDocument.Parse(await anyone.GetStringAsync($"/api/v1/tags/{id}")))
            Assert.Equal(tag.RootElement.GetProperty("slug").GetString(), got.RootElement.GetProperty("slug").GetString());

        // One tag per slug: the same name in other letters is the same tag.
        var twice = await ProblemAsync(await write.PostAsJsonAsync("/api/v1/tags", new { name = name.ToUpperInvariant() + "!" }), HttpStatusCode.Conflict);
        Assert.Contains(name, twice.GetProperty("detail").GetString());
        var empty = await ProblemAsync(await write.PostAsJsonAsync("/api/v1/tags", new { name = "   " }), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("name", out _));
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/tags", new { name = new string('t', 201) }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsJsonAsync("/api/v1/tags", new { }), HttpStatusCode.BadRequest);
        await ProblemAsync(await write.PostAsync("/api/v1/tags", new StringContent("{ not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        await ProblemAsync(await read.PostAsJsonAsync("/api/v1/tags", new { name = name + " read" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await anyone.PostAsJsonAsync("/api/v1/tags", new { name = name + " anon" }), HttpStatusCode.Unauthorized);
        var authorEmail = Unique("api-tag-author");
        await StaffClient.CreateAsync(app, authorEmail, Roles.Author, Password);
        var author = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app, authorEmail, Password), write: true));
        await ProblemAsync(await author.PostAsJsonAsync("/api/v1/tags", new { name = name + " author" }), HttpStatusCode.Forbidden);
        var editorEmail = Unique("api-tag-editor");
        await StaffClient.CreateAsync(app, editorEmail, Roles.Editor, Password);
        var editor = WithToken(app, await TokenAsync(await StaffClient.SignInAsync(app, editorEmail, Password), write: true));
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/tags", new { name = name + " editor" })).StatusCode);

        // A post tagged with the new tag's name in other letters joins it, and the tag counts it; unknown ids are problems.
        var post = await write.PostAsJsonAsync("/api/v1/posts", new { title = "Tagged " + name, body = "Text.", status = "published", tags = new[] { name.ToLowerInvariant() } });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        using (var one = JsonDocument.Parse(await anyone.GetStringAsync($"/api/v1/tags/{id}")))
        {
            Assert.Equal(1, one.RootElement.GetProperty("posts").GetInt32());
            Assert.Equal(name, one.RootElement.GetProperty("name").GetString());
        }
        await ProblemAsync(await anyone.GetAsync("/api/v1/tags/999999"), HttpStatusCode.NotFound);
        await ProblemAsync(await anyone.GetAsync("/api/v1/tags/not-a-number"), HttpStatusCode.NotFound);

        // Categories: one by id, with its parent.
        var parent = await write.PostAsJsonAsync("/api/v1/categories", new { name = "Parent " + name, description = "Above" });
        using var parentJson = JsonDocument.Parse(await parent.Content.ReadAsStringAsync());
        var parentId = parentJson.RootElement.GetProperty("id").GetInt32();
        var child = await write.PostAsJsonAsync("/api/v1/categories", new { name = "Child " + name, parentId });
        using var childJson = JsonDocument.Parse(await child.Content.ReadAsStringAsync());
        using (var got = JsonDocument.Parse(await anyone.GetStringAsync($"/api/v1/categories/{childJson.RootElement.GetProperty("id").GetInt32()}")))
        {
            Assert.Equal("Child " + name, got.RootElement.GetProperty("name").GetString());
            Assert.Equal(parentId, got.RootElement.GetProperty("parentId").GetInt32());
        }
        using (var got = JsonDocument.Parse(await anyone.GetStringAsync($"/api/v1/categories/{parentId}")))
        {
            Assert.Equal("Above", got.RootElement.GetProperty("description").GetString());
            Assert.Equal(JsonValueKind.Null, got.RootElement.GetProperty("parentId").ValueKind);
        }
        await ProblemAsync(await anyone.GetAsync("/api/v1/categories/999999"), HttpStatusCode.NotFound);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_new_calls_are_in_the_openapi_document_and_the_reference_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var doc = JsonDocument.Parse(await app.CreatePlainClient().GetStringAsync("/api/v1/openapi.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var method in new[] { "get", "post" }) Assert.True(paths.GetProperty("/api/v1/users").TryGetProperty(method, out _), method);
        foreach (var method in new[] { "get", "put", "delete" }) Assert.True(paths.GetProperty("/api/v1/users/{id}").TryGetProperty(method, out _), method);
        Assert.True(paths.GetProperty("/api/v1/users").GetProperty("post").GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(paths.GetProperty("/api/v1/users/{id}").GetProperty("put").GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(paths.GetProperty("/api/v1/tags").TryGetProperty("post", out var createTag));
        Assert.True(createTag.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(paths.GetProperty("/api/v1/tags/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/categories/{id}").TryGetProperty("get", out _));

        var reference = await HtmlPage.GetAsync(app.CreatePlainClient(), "/api");
        var rows = reference.QuerySelectorAll(".api-reference__table tbody tr")
            .GroupBy(r => r.QuerySelector("code")!.TextContent).ToDictionary(g => g.Key, g => g.First().QuerySelectorAll("td")[2].TextContent);
        foreach (var call in new[] { "GET /api/v1/users", "GET /api/v1/users/{id}", "GET /api/v1/tags/{id}", "GET /api/v1/categories/{id}" })
            Assert.True(rows.ContainsKey(call), call);
        foreach (var call in new[] { "POST /api/v1/users", "PUT /api/v1/users/{id}", "DELETE /api/v1/users/{id}", "POST /api/v1/tags" })
            Assert.Equal("token with write scope", rows[call]);
        Assert.Equal("anyone (a token shows more)", rows["GET /api/v1/tags/{id}"]);
    }

    /// <summary>A reader account (no role), as a sign-in through an outside provider makes one.</summary>
    private static async Task<string> ReaderAsync(ParleyApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var reader = new ParleyUser { UserName = "reader-" + suffix, Slug = "reader-" + suffix, DisplayName = "A Reader", Email = $"reader-{suffix}@example.org" };
        var created = await users.CreateAsync(reader);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return reader.Id;
    }

    [GeneratedRegex(@"https?://\S+/account/invitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}

/// <summary>Apps for the users API: invitations go to a real SMTP listener.</summary>
public sealed class UsersApiApps : ParleyApps
{
    public TestSmtp Smtp { get; } = new();

    public async Task<ParleyApp> GetWithMailAsync(DatabaseProvider provider)
    {
        var app = await GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s =>
        {
            (s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpFrom) = ("127.0.0.1", Smtp.Port, SmtpSecurity.None, "blog@example.org");
        }, DateTime.UtcNow);
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}
