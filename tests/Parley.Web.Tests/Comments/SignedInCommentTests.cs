using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Comments;

/// <summary>A signed-in account comments under its own name; "Change" lets it post as a guest instead.</summary>
public sealed class SignedInCommentTests(CommentApps apps) : IClassFixture<CommentApps>
{
    private const string RiverPost = "/2026/11/two-years-of-river-clean-up-in-four-numbers";

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_author_comments_as_themselves_with_the_author_badge_or_changes_to_a_guest(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await StaffClient.SignInAsync(app);
        var page = await HtmlPage.GetAsync(admin, RiverPost);
        var who = page.QuerySelector(".comment-form__as")!;
        Assert.Contains("Commenting as Admin", who.TextContent);
        Assert.NotNull(who.QuerySelector("button[form=comment-signout]"));
        Assert.Null(page.QuerySelector("#comment-email"));

        var id = await CommentPoster.PostOkAsync(admin, RiverPost, new Dictionary<string, string> { ["Body"] = $"Thanks for reading ({provider})." });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Comments.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal(CommentStatus.Approved, stored.Status); // staff comments are not held
            Assert.Equal(ParleyApp.AdminEmail, stored.AuthorEmail);
            Assert.NotNull(stored.AuthorUserId);
        }
        var reader = await HtmlPage.GetAsync(app.CreatePlainClient(), RiverPost);
        Assert.Equal("Author", reader.QuerySelector($"#comment-{id} .badge")!.TextContent);

        var asGuest = await HtmlPage.GetAsync(admin, RiverPost + "?as=guest");
        Assert.NotNull(asGuest.QuerySelector("#comment-email"));
        var guestId = await CommentPoster.PostOkAsync(admin, RiverPost + "?as=guest",
            CommentPoster.Guest($"Posting as someone else ({provider})", name: "Incognito", email: $"incognito-{provider}@example.org"));
        await using var check = app.Services.CreateAsyncScope();
        var guest = await check.ServiceProvider.GetRequiredService<ParleyDbContext>().Comments.AsNoTracking().SingleAsync(c => c.Id == guestId);
        Assert.Null(guest.AuthorUserId);
        Assert.Equal(CommentStatus.Pending, guest.Status);
    }
}
