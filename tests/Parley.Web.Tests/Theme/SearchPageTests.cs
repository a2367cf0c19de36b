using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.Web.Tests.Theme;

/// <summary>The search page when a word is in more posts than are counted.</summary>
public sealed class SearchPageTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_word_in_more_than_a_thousand_posts_says_so_and_pages_through_the_newest_thousand(DatabaseProvider provider)
    {
        await using var app = await ParleyApp.StartAsync(provider);
        // Written straight to the table, as an import or a script would: the database indexes them by itself.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var admin = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();
            var start = DateTime.UtcNow.AddDays(-2000);
            db.Posts.AddRange(Enumerable.Range(1, 1005).Select(i => new Post
            {
                Title = $"Tide table {i}", Slug = $"tide-table-{i}", AuthorId = admin, Status = PostStatus.Published,
                BodySource = "High tide, low tide.", BodyHtml = "<p>High tide, low tide.</p>", BodyText = "High tide, low tide.",
                PublishedAt = start.AddDays(i), CreatedAt = start, UpdatedAt = start,
            }));
            await db.SaveChangesAsync();
        }
        var client = app.CreatePlainClient();

        var first = await HtmlPage.GetAsync(client, "/search?q=tide");
        Assert.Equal("More than 1,000 results for “tide”. The newest 1,000 are listed; add a word to narrow the search.",
            first.QuerySelector(".search-summary")!.TextContent.Trim());
        Assert.Equal("Tide table 1005", first.QuerySelector(".search-result h2")!.TextContent);
        Assert.Contains("Page 1 of 100", first.QuerySelector(".pager")!.TextContent);

        var last = await HtmlPage.GetAsync(client, "/search?q=tide&page=100");
        Assert.Equal("Tide table 6", last.QuerySelectorAll(".search-result h2").Last().TextContent); // the thousandth newest
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/search?q=tide&page=101")).StatusCode);
    }
}
