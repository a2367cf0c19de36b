using System.Net;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Admin;

/// <summary>Categories, tags, general settings, the dashboard and a commenter's history, over HTTP.</summary>
public sealed class SiteAdminTests(AuthorApps apps) : IClassFixture<AuthorApps>
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Categories_nest_without_cycles_and_tags_are_renamed_and_merged(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        var unique = Guid.NewGuid().ToString("N")[..6];
        await StaffClient.SubmitAsync(admin, "/admin/taxonomy", "form[action*='handler=Add']", new Dictionary<string, string> { ["NewName"] = "Outer " + unique });
        var page = await HtmlPage.GetAsync(admin, "/admin/taxonomy");
        var outer = page.QuerySelectorAll("tr[id^=category-]").First(r => r.QuerySelector("input[name=name]")!.GetAttribute("value") == "Outer " + unique).Id!["category-".Length..];
        await StaffClient.SubmitAsync(admin, "/admin/taxonomy", "form[action*='handler=Add']", new Dictionary<string, string> { ["NewName"] = "Inner " + unique, ["NewParent"] = outer });
        page = await HtmlPage.GetAsync(admin, "/admin/taxonomy");
        var inner = page.QuerySelectorAll("tr[id^=category-]").First(r => r.QuerySelector("input[name=name]")!.GetAttribute("value") == "Inner " + unique).Id!["category-".Length..];

        // Putting the outer category inside its own child is refused, with the typed name kept on the page.
        var cycle = await StaffClient.SubmitAsync(admin, "/admin/taxonomy", $"#cat-{outer}", new Dictionary<string, string> { ["id"] = outer, ["name"] = "Outer " + unique, ["parent"] = inner });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("cannot sit inside itself", await cycle.Content.ReadAsStringAsync());

        // Tags come from posts; two spellings merge into one.
        var editor = admin;
        foreach (var tag in new[] { "Night buses " + unique, "night-bus " + unique })
            await StaffClient.SubmitAsync(editor, "/admin/posts/edit", "form#editor", new Dictionary<string, string> { ["Form.Title"] = "Tagged " + tag, ["Form.Tags"] = tag, ["action"] = "draft" });
        page = await HtmlPage.GetAsync(admin, "/admin/taxonomy");
        string TagId(string name) => page.QuerySelectorAll("tr[id^=tag-]").First(r => r.QuerySelector("input[name=name]")!.GetAttribute("value") == name).Id!["tag-".Length..];
        var keep = TagId("Night buses " + unique);
        var drop = TagId("night-bus " + unique);
        var merged = await StaffClient.SubmitAsync(admin, "/admin/taxonomy", "form#merge", new Dictionary<string, string> { ["from"] = drop, ["into"] = keep });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        page = await HtmlPage.GetAsync(admin, "/admin/taxonomy");
        Assert.Equal("2", page.QuerySelector($"#tag-{keep} td:nth-child(3)")!.TextContent);
        Assert.Null(page.QuerySelector($"#tag-{drop}"));
        var renamed = await StaffClient.SubmitAsync(admin, "/admin/taxonomy", $"#tag-{keep} form[action*='handler=RenameTag']", new Dictionary<string, string> { ["name"] = "Late buses " + unique });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var author = await StaffClient.CreateAsync(app, $"a-{unique}@example.org", Roles.Author);
        _ = author;
        var authorClient = await StaffClient.SignInAsync(app, $"a-{unique}@example.org", "a long test password");
        Assert.Contains("/account/denied", (await authorClient.GetAsync("/admin/taxonomy")).Headers.Location!.ToString());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task General_settings_refuse_an_unknown_time_zone_and_a_new_title_shows_on_the_site(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        var bad = await StaffClient.SubmitAsync(admin, "/admin/settings/general", "form.admin-form",
            new Dictionary<string, string> { ["Form.Title"] = "Typed title", ["Form.TimeZone"] = "Mars/Olympus_Mons", ["Form.PostsPerPage"] = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = HtmlPage.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Choose a time zone", badPage.QuerySelector("#g-zone")!.ParentElement!.TextContent);
        Assert.Contains("1 to 100 posts", badPage.QuerySelector("#g-ppp")!.ParentElement!.TextContent);
        Assert.Equal("Typed title", badPage.QuerySelector("#g-Title")!.GetAttribute("value"));

        var title = "The Evening Paper " + provider;
        var ok = await StaffClient.SubmitAsync(admin, "/admin/settings/general", "form.admin-form",
            new Dictionary<string, string> { ["Form.Title"] = title, ["Form.TimeZone"] = "Europe/Berlin", ["Form.DateFormat"] = "yyyy-MM-dd" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var home = await HtmlPage.GetAsync(app.CreatePlainClient(), "/");
        Assert.Contains(title, home.Title);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_dashboard_counts_what_waits_and_draws_thirty_days_of_comments(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        await CommentPoster.PostAsync(app.CreatePlainClient(), "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt",
            CommentPoster.Guest("Waiting for a moderator " + provider, email: $"wait-{provider}@example.org"));
        var dashboard = await HtmlPage.GetAsync(admin, "/admin");
        Assert.True(int.Parse(dashboard.QuerySelector(".dashboard__number a")!.TextContent) >= 1);
        Assert.Equal(30, dashboard.QuerySelectorAll("svg.chart rect").Length);

        var history = await HtmlPage.GetAsync(admin, $"/admin/comments/by?email=wait-{provider}@example.org");
        Assert.Contains("Waiting for a moderator", history.QuerySelector(".queue")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/comments/by")).StatusCode);
    }
}
