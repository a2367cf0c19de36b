using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.Data.Tests.Posts;

/// <summary>The rules for saving posts, on both databases.</summary>
public sealed class PostServiceTests
{
    private static PostInput Input(string title, string body = "Some *text*.", PostStatus status = PostStatus.Published) =>
        new() { Title = title, Body = body, Status = status };

    private static async Task<(TestDatabase Db, string AuthorId)> SetUp(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        return (db, await db.AddAuthorAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_saved_post_keeps_its_source_its_rendered_html_and_a_revision(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input("First", "Hello **world**"), author));

        await using var context = db.NewContext();
        var stored = await context.Posts.Include(p => p.Revisions).SingleAsync(p => p.Id == post.Id);
        Assert.Equal("Hello **world**", stored.BodySource);
        Assert.Equal("<p>Hello <strong>world</strong></p>", stored.BodyHtml.Trim());
        Assert.Equal("Hello world", stored.BodyText);
        var revision = Assert.Single(stored.Revisions);
        Assert.Equal(stored.BodyHtml, revision.BodyHtml);
        Assert.Equal(PostStatus.Published, stored.Status);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, stored.PublishedAt);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Same_titles_get_distinct_slugs_and_non_latin_titles_readable_ones(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        var slugs = new List<string>();
        foreach (var title in new[] { "Same title", "Same title", "Same title", "Внешняя политика", "日本とロシア" })
            slugs.Add((await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input(title), author))).Slug);
        Assert.Equal(["same-title", "same-title-2", "same-title-3", "vneshnyaya-politika"], slugs.Take(4));
        Assert.True(Slugs.IsWellFormed(slugs[4]));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_page_cannot_take_a_slug_the_site_uses_for_its_own_routes(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        var page = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>()
            .CreateAsync(Input("Feed") with { Kind = PostKind.Page }, author));
        Assert.Equal("feed-2", page.Slug);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Changing_a_published_slug_keeps_the_old_address_as_a_redirect(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input("Old name"), author));
        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().UpdateAsync(post.Id, Input("Old name") with { Slug = "new name" }, author));

        await using var context = db.NewContext();
        var redirect = await context.PathRedirects.SingleAsync();
        Assert.Equal("/2026/11/old-name", redirect.Path);
        Assert.Equal(post.Id, redirect.PostId);
        Assert.Equal("new-name", (await context.Posts.SingleAsync()).Slug);
        Assert.Equal(2, await context.PostRevisions.CountAsync());

        // Moving back to the old name gives the address back to the post: no redirect loop.
        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().UpdateAsync(post.Id, Input("Old name") with { Slug = "old-name" }, author));
        await using var after = db.NewContext();
        Assert.Equal("/2026/11/new-name", (await after.PathRedirects.SingleAsync()).Path);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_draft_can_change_its_slug_freely(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input("Draft", status: PostStatus.Draft), author));
        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().UpdateAsync(post.Id, Input("Draft renamed", status: PostStatus.Draft), author));
        await using var context = db.NewContext();
        Assert.Empty(await context.PathRedirects.ToListAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_deleted_post_leaves_its_addresses_gone(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input("To delete"), author));
        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().UpdateAsync(post.Id, Input("To delete") with { Slug = "renamed" }, author));
        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().DeleteAsync(post.Id));

        await using var context = db.NewContext();
        var gone = await context.PathRedirects.OrderBy(r => r.Path).ToListAsync();
        Assert.Equal(["/2026/11/renamed", "/2026/11/to-delete"], gone.Select(r => r.Path));
        Assert.All(gone, r => Assert.Null(r.PostId));
        Assert.Equal(0, await context.PostRevisions.CountAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_scheduled_post_stays_hidden_until_its_time_then_goes_live(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        var at = db.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input("Later") with { PublishAt = at }, author));
        Assert.Equal(PostStatus.Scheduled, post.Status);

        Assert.Null(await db.InScopeAsync(sp => sp.GetRequiredService<PostQueries>().FindAsync(PostKind.Post, "later")));
        Assert.Equal(0, await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().PublishDueAsync()));

        db.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().PublishDueAsync()));
        Assert.NotNull(await db.InScopeAsync(sp => sp.GetRequiredService<PostQueries>().FindAsync(PostKind.Post, "later")));
        await using var context = db.NewContext();
        Assert.Equal(PostStatus.Published, (await context.Posts.SingleAsync()).Status);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Tags_are_shared_between_posts_and_categories_must_exist(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        await db.InScopeAsync(sp => sp.GetRequiredService<CategoryService>().CreateAsync("World"));
        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input("A") with { Tags = ["Russia", "Japan"], Categories = ["world"] }, author));
        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input("B") with { Tags = ["russia", "Diplomacy"] }, author));
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(Input("C") with { Categories = ["nowhere"] }, author)));
        Assert.Contains("nowhere", error.Errors["Categories"][0]);

        await using var context = db.NewContext();
        Assert.Equal(["diplomacy", "japan", "russia"], await context.Tags.OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync());
        Assert.Equal(2, await context.Posts.CountAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Bad_input_is_refused_with_a_message_per_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var (db, author) = await SetUp(provider);
        await using var _ = db;
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => db.InScopeAsync(sp =>
            sp.GetRequiredService<PostService>().CreateAsync(Input("  ") with { Excerpt = new string('x', 2001), ReaderQuestion = new string('?', 1001) }, author)));
        Assert.Equal(["Title", "Excerpt", "ReaderQuestion"], error.Errors.Keys);
        await using var context = db.NewContext();
        Assert.Equal(0, await context.Posts.CountAsync());
    }
}
