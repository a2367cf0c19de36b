using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Search;
using Parley.Testing;

namespace Parley.Data.Tests.Search;

/// <summary>Search shows a post exactly while it is public, whichever way it gets there or leaves.</summary>
public sealed class SearchVisibilityTests
{
    private static async Task<string[]> Found(TestDatabase db, string q) =>
        (await db.InScopeAsync(sp => sp.GetRequiredService<SearchService>().SearchAsync(SearchQuery.Parse(q), 1, 10)))
        .Hits.Items.Select(i => i.Slug).ToArray();

    private static Task<Post> Save(TestDatabase db, string author, PostInput input, int? id = null) =>
        db.InScopeAsync(sp => id is { } existing
            ? sp.GetRequiredService<PostService>().UpdateAsync(existing, input, author)
            : sp.GetRequiredService<PostService>().CreateAsync(input, author));

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_scheduled_post_is_found_from_its_publication_time_on(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        var at = db.Clock.GetUtcNow().UtcDateTime.AddHours(1).AddMilliseconds(500);
        var post = await Save(db, author, new PostInput { Title = "Eclipse tonight", Body = "Watch the eclipse.", Status = PostStatus.Published, PublishAt = at });
        Assert.Equal(PostStatus.Scheduled, post.Status);
        Assert.Empty(await Found(db, "eclipse"));

        db.Clock.Advance(TimeSpan.FromHours(1)); // half a second early
        Assert.Empty(await Found(db, "eclipse"));
        db.Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(["eclipse-tonight"], await Found(db, "eclipse"));

        // The background job's status flip changes nothing a reader sees.
        Assert.Equal(1, await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().PublishDueAsync()));
        Assert.Equal(["eclipse-tonight"], await Found(db, "eclipse"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_post_leaves_the_results_when_it_stops_being_public_and_comes_back_with_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        var input = new PostInput { Title = "Lighthouse keepers", Body = "The last lighthouse keeper retired.", Status = PostStatus.Published };
        var id = (await Save(db, author, input)).Id;
        Assert.Equal(["lighthouse-keepers"], await Found(db, "lighthouse"));

        await Save(db, author, input with { Status = PostStatus.Draft }, id);
        Assert.Empty(await Found(db, "lighthouse"));
        await Save(db, author, input with { Status = PostStatus.Pending }, id);
        Assert.Empty(await Found(db, "lighthouse"));
        var now = db.Clock.GetUtcNow().UtcDateTime;
        await Save(db, author, input with { PublishAt = now.AddDays(1) }, id); // rescheduled
        Assert.Empty(await Found(db, "lighthouse"));
        await Save(db, author, input with { PublishAt = now.AddDays(-1) }, id);
        Assert.Equal(["lighthouse-keepers"], await Found(db, "lighthouse"));

        // A writer outside the services (an import, a script) is followed too: the database keeps the index.
        await using (var context = db.NewContext())
            await context.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostStatus.Trashed));
        Assert.Empty(await Found(db, "lighthouse"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Upgrading_a_site_keeps_its_posts_searchable(DatabaseProvider provider)
    {
        // Posts written before the migration that reorganised the search index are in it afterwards; drafts are not.
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var context = db.NewContext())
        {
            var before = context.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_SearchByPublication", StringComparison.Ordinal)).Last();
            await context.GetService<IMigrator>().MigrateAsync(before);
        }
        var author = await db.AddAuthorAsync();
        await Save(db, author, new PostInput { Title = "Old harbour walls", Body = "Stones of the harbour.", Status = PostStatus.Published });
        await Save(db, author, new PostInput { Title = "Harbour draft", Body = "Unfinished.", Status = PostStatus.Draft });
        await using (var context = db.NewContext())
            await ParleyDatabase.MigrateAsync(context);
        Assert.Equal(["old-harbour-walls"], await Found(db, "harbour"));
    }
}
