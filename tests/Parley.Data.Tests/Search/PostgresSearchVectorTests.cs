using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Search;
using Parley.Testing;

namespace Parley.Data.Tests.Search;

/// <summary>
/// PostgreSQL keeps a post's search vector with a trigger on its title and text only, so the count update every
/// published comment makes does not re-index the whole post.
/// </summary>
public sealed class PostgresSearchVectorTests
{
    [Fact]
    public async Task Only_a_change_of_title_or_text_rebuilds_a_posts_search_vector()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var author = await db.AddAuthorAsync();
        var post = await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(
            new PostInput { Title = "Harbour lights", Body = "The ferry timetable changes.", Status = PostStatus.Published }, author));
        await using var context = db.NewContext();

        Task<string?> Vector() => context.Database.SqlQuery<string?>($"""SELECT "SearchVector"::text AS "Value" FROM "Posts" WHERE "Id" = {post.Id}""").SingleAsync();
        Assert.Contains("'ferry'", await Vector()); // written on insert

        // Emptied by hand, the vector stays empty through a count update: the trigger did not run for it.
        await context.Database.ExecuteSqlAsync($"""UPDATE "Posts" SET "SearchVector" = NULL WHERE "Id" = {post.Id}""");
        await context.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1));
        Assert.Null(await Vector());

        // An edit of the title rebuilds it, and search finds the new words.
        await context.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Harbour lanterns"));
        Assert.Contains("'lanterns'", await Vector());
        var found = await db.InScopeAsync(sp => sp.GetRequiredService<SearchService>().SearchAsync(SearchQuery.Parse("lanterns"), 1, 10));
        Assert.Equal(post.Id, Assert.Single(found.Hits.Items).PostId);
    }
}
