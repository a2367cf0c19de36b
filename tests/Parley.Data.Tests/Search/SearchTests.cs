using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Search;
using Parley.Testing;

namespace Parley.Data.Tests.Search;

/// <summary>Full-text search on SQLite FTS5 and PostgreSQL, through the same service.</summary>
public sealed class SearchTests
{
    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        var posts = new (string Title, string Body, PostStatus Status)[]
        {
            ("Missile defence in Japan", "Russia voiced grave concern about the radar in western Japan.", PostStatus.Published),
            ("Island talks", "Foreign ministers of Japan and Russia agreed to meet. Missile defence came up once.", PostStatus.Published),
            ("Внешняя политика России", "Москва и Токио договорились о встрече министров.", PostStatus.Published),
            ("Café society", "The crème de la crème met at the café.", PostStatus.Published),
            ("Secret draft about missile defence", "Not yet public.", PostStatus.Draft),
        };
        foreach (var (title, body, status) in posts)
            await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(new PostInput { Title = title, Body = body, Status = status }, author));
        return db;
    }

    private static async Task<PagedResult<SearchHit>> Search(TestDatabase db, string q, int page = 1) =>
        (await db.InScopeAsync(sp => sp.GetRequiredService<SearchService>().SearchAsync(SearchQuery.Parse(q), page, 10))).Hits;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Results_are_ranked_title_first_and_drafts_never_show(DatabaseProvider provider)
    {
        await using var db = await SeedAsync(provider);
        var result = await Search(db, "missile defence");
        Assert.Equal(2, result.Total);
        Assert.Equal("missile-defence-in-japan", result.Items[0].Slug);
        Assert.Contains("<mark>", result.Items[0].TitleHtml);
        Assert.Contains("<mark>", result.Items[1].SnippetHtml);
    }

    [Fact]
    public async Task A_word_in_more_posts_than_are_ranked_lists_the_newest_matches_first_with_their_snippets()
    {
        await using var db = await SeedAsync(DatabaseProvider.Sqlite);
        var ranked = await Search(db, "japan");
        Assert.Equal("missile-defence-in-japan", ranked.Items[0].Slug); // the title match ranks first
        var broad = await db.InScopeAsync(sp =>
        {
            var search = sp.GetRequiredService<SearchService>();
            search.RankedUpTo = 1;
            return search.SearchAsync(SearchQuery.Parse("japan"), 1, 10);
        });
        Assert.Equal(2, broad.Hits.Total); // the draft still never counts
        Assert.Equal(["island-talks", "missile-defence-in-japan"], broad.Hits.Items.Select(i => i.Slug)); // newest first
        Assert.Contains("<mark>", broad.Hits.Items[1].TitleHtml);
        Assert.Contains("<mark>", broad.Hits.Items[0].SnippetHtml);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_last_word_matches_as_a_prefix_while_typing(DatabaseProvider provider)
    {
        await using var db = await SeedAsync(provider);
        Assert.Equal(2, (await Search(db, "japan minis")).Total + (await Search(db, "radar")).Total);
        Assert.Equal("island-talks", (await Search(db, "japan minis")).Items.Single().Slug);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_last_word_also_finds_longer_words_that_start_with_it_in_any_script(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        var many = string.Join(' ', Enumerable.Range(0, 40).Select(i => "zeta" + i)); // more words than are named one by one
        foreach (var (title, body) in new[] { ("Harbours of the north", "Quays and harbours."), ("Crèmerie", "Fresh cream."), ("Greek letters", many) })
            await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(new PostInput { Title = title, Body = body, Status = PostStatus.Published }, author));
        Assert.Equal("harbours-of-the-north", (await Search(db, "north harbour")).Items.Single().Slug);
        Assert.Contains("<mark>", (await Search(db, "north harbour")).Items.Single().TitleHtml);
        Assert.Equal("cremerie", (await Search(db, "crè")).Items.Single().Slug);
        Assert.Equal("greek-letters", (await Search(db, "zeta")).Items.Single().Slug);
        Assert.Equal(0, (await Search(db, "harbourmaster")).Total);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Search_is_unicode_aware(DatabaseProvider provider)
    {
        await using var db = await SeedAsync(provider);
        Assert.Equal("vneshnyaya-politika-rossii", (await Search(db, "москва")).Items.Single().Slug);
        Assert.Equal("vneshnyaya-politika-rossii", (await Search(db, "ПОЛИТИКА")).Items.Single().Slug);
        Assert.Equal("cafe-society", (await Search(db, "CRÈME")).Items.Single().Slug);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Query_syntax_of_either_database_is_harmless(DatabaseProvider provider)
    {
        await using var db = await SeedAsync(provider);
        foreach (var q in new[] { "\"", "*", "-", "NEAR", "(", "OR OR", "japan\"", "japan*", "-japan", "NEAR(japan russia)",
                                  "japan AND", "')--", "&|!:*", "\\", "japan:*", new string('(', 500) })
        {
            var result = await Search(db, q);
            Assert.True(result.Total >= 0);
        }
        Assert.Equal(2, (await Search(db, "\"japan\" OR (russia")).Total);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Edits_and_deletions_reach_the_index(DatabaseProvider provider)
    {
        await using var db = await SeedAsync(provider);
        int id;
        await using (var context = db.NewContext())
            id = await context.Posts.Where(p => p.Slug == "island-talks").Select(p => p.Id).SingleAsync();
        var author = await db.AddAuthorAsync("Second Writer");
        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().UpdateAsync(id,
            new PostInput { Title = "Island talks", Body = "Now about fisheries quotas.", Status = PostStatus.Published }, author));
        Assert.Equal("island-talks", (await Search(db, "fisheries")).Items.Single().Slug);
        Assert.Equal(1, (await Search(db, "missile")).Total);

        await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().DeleteAsync(id));
        Assert.Equal(0, (await Search(db, "fisheries")).Total);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Results_are_paged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        for (var i = 0; i < 23; i++)
            await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(
                new PostInput { Title = $"Harbour note {i}", Body = "About the harbour.", Status = PostStatus.Published }, author));
        var third = await Search(db, "harbour", page: 3);
        Assert.Equal(23, third.Total);
        Assert.Equal(3, third.Items.Count);
        Assert.Equal(3, third.TotalPages);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_word_in_more_posts_than_are_counted_says_so_and_lists_the_newest(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await db.AddAuthorAsync();
        for (var i = 1; i <= 7; i++)
        {
            await db.InScopeAsync(sp => sp.GetRequiredService<PostService>().CreateAsync(
                new PostInput { Title = $"Harbour note {i}", Body = "About the harbour.", Status = PostStatus.Published }, author));
            db.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Task<SearchResults> Counted(string q, int page, int upTo) => db.InScopeAsync(sp =>
        {
            var search = sp.GetRequiredService<SearchService>();
            search.CountedUpTo = upTo;
            return search.SearchAsync(SearchQuery.Parse(q), page, 2);
        });
        static string[] Slugs(SearchResults r) => r.Hits.Items.Select(i => i.Slug).ToArray();

        var first = await Counted("harbour", 1, upTo: 5);
        Assert.True(first.TotalIsCapped);
        Assert.Equal(5, first.Hits.Total);
        Assert.Equal(3, first.Hits.TotalPages);
        Assert.Equal(["harbour-note-7", "harbour-note-6"], Slugs(first));
        Assert.Equal(["harbour-note-3"], Slugs(await Counted("harbour", 3, upTo: 5))); // the fifth newest ends the list
        Assert.Empty(Slugs(await Counted("harbour", 4, upTo: 5)));
        // A prefix alone (no whole word to count first) comes to the same.
        Assert.Equal(["harbour-note-7", "harbour-note-6"], Slugs(await Counted("harb", 1, upTo: 5)));
        // Exactly as many as are counted is an exact total.
        var all = await Counted("harbour", 1, upTo: 7);
        Assert.False(all.TotalIsCapped);
        Assert.Equal(7, all.Hits.Total);
    }
}
