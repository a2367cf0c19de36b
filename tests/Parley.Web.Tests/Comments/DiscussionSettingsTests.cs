using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>The owner's discussion settings page and the ban action.</summary>
public sealed class DiscussionSettingsTests(CommentApps apps) : IClassFixture<CommentApps>
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task An_administrator_changes_the_policy_and_bad_values_are_explained_without_saving(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        var page = await HtmlPage.GetAsync(admin, "/admin/settings/discussion");
        Assert.True(page.QuerySelector("#mod-HoldFirst")!.HasAttribute("checked"));

        var bad = await StaffClient.SubmitAsync(admin, "/admin/settings/discussion", "form.settings-form",
            new Dictionary<string, string> { ["Form.Moderation"] = "HoldAll", ["Form.ThreadDepth"] = "99", ["Form.SmtpFrom"] = "not an address" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Threads nest between 1 and 10 levels deep.", body);
        Assert.Contains("The sender must be an email address.", body);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(ModerationPolicy.HoldFirst, (await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync()).CommentModeration);

        var good = await StaffClient.SubmitAsync(admin, "/admin/settings/discussion", "form.settings-form",
            new Dictionary<string, string> { ["Form.Moderation"] = "HoldAll", ["Form.ModerationList"] = " casino \n\n lottery " });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync();
            Assert.Equal(ModerationPolicy.HoldAll, saved.CommentModeration);
            Assert.Equal("casino\nlottery", saved.CommentModerationList);
            await scope.ServiceProvider.GetRequiredService<SettingsService>().SaveAsync(s => s.CommentModeration = ModerationPolicy.HoldFirst, DateTime.UtcNow);
        }

        var author = await StaffClient.CreateAsync(app, $"settings-author-{provider}@example.org", Roles.Author);
        var notAllowed = await (await StaffClient.SignInAsync(app, $"settings-author-{provider}@example.org", "a long test password")).GetAsync("/admin/settings/discussion");
        Assert.StartsWith("/account/denied", notAllowed.Headers.Location!.PathAndQuery);
        _ = author;
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Banning_blocks_the_author_and_hides_everything_they_wrote(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var troll = $"troll-{provider}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        var first = await app.SeedApprovedCommentAsync("/2026/11/two-years-of-river-clean-up-in-four-numbers", "Troll", troll, $"Bait one {troll}");
        var admin = await StaffClient.SignInAsync(app);
        await StaffClient.SubmitAsync(admin, "/admin/comments?status=approved", $"#c{first} .queue__actions form:has(button[value=Ban])",
            new Dictionary<string, string> { ["act"] = "Ban" });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        Assert.Equal(CommentStatus.Spam, await db.Comments.Where(c => c.Id == first).Select(c => c.Status).SingleAsync());
        Assert.Contains(troll, (await scope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync()).CommentBlockList);
        var again = await CommentPoster.PostAsync(app.CreatePlainClient(), "/2026/11/two-years-of-river-clean-up-in-four-numbers", CommentPoster.Guest("Back again", email: troll));
        Assert.Equal(HttpStatusCode.Forbidden, again.Response.StatusCode);
        Assert.Equal("Back again", again.Page!.QuerySelector("#comment-body")!.TextContent);
    }
}
