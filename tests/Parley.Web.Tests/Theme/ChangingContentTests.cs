using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Web.Tests.Theme;

/// <summary>What readers see when content changes: redirects after a slug change, 410 after deletion, paging.</summary>
public sealed class ChangingContentTests(ParleyApps apps) : IClassFixture<ParleyApps>
{
    private static async Task<T> WithServices<T>(ParleyApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<string> AdminId(ParleyApp app) =>
        await WithServices(app, async sp => (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Parley.Core.Accounts.ParleyUser>>()
            .FindByEmailAsync(ParleyApp.AdminEmail))!.Id);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_renamed_post_redirects_from_its_old_address_and_a_deleted_one_is_gone(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreatePlainClient();
        var admin = await AdminId(app);
        var input = new PostInput { Title = "Rename me " + provider, Body = "Text.", Status = PostStatus.Published };
        var post = await WithServices(app, sp => sp.GetRequiredService<PostService>().CreateAsync(input, admin));
        var oldPath = await WithServices(app, async sp => PostUrls.PathFor(post, SiteTime.Zone(await sp.GetRequiredService<SettingsService>().GetAsync())));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(oldPath)).StatusCode);

        await WithServices(app, sp => sp.GetRequiredService<PostService>().UpdateAsync(post.Id, input with { Slug = "renamed-" + provider }, admin));
        var moved = await client.GetAsync(oldPath + "?utm=x");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        var newPath = oldPath[..9] + "renamed-" + provider.ToString().ToLowerInvariant();
        Assert.Equal(newPath + "?utm=x", moved.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(newPath)).StatusCode);

        // The right slug under the wrong month goes to the right address.
        var wrongMonth = "/1999/01/renamed-" + provider.ToString().ToLowerInvariant();
        var corrected = await client.GetAsync(wrongMonth);
        Assert.Equal(HttpStatusCode.MovedPermanently, corrected.StatusCode);
        Assert.Equal(newPath, corrected.Headers.Location!.ToString());

        await WithServices(app, async sp => { await sp.GetRequiredService<PostService>().DeleteAsync(post.Id); return 0; });
        foreach (var path in new[] { oldPath, newPath })
        {
            var gone = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.Contains("This page is gone", await gone.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_post_shows_its_reading_time_and_its_summary_from_the_start_of_the_text(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = await AdminId(app);
        // 1,150 words at 230 a minute: five minutes. Counted by the database, with the Markdown's line breaks and emphasis gone.
        var words = string.Join("\n\n", Enumerable.Range(0, 115).Select(i => $"Paragraph {i} has *exactly* ten words in it, no more."));
        var input = new PostInput { Title = "Long read " + provider, Body = words, Status = PostStatus.Published };
        var post = await WithServices(app, sp => sp.GetRequiredService<PostService>().CreateAsync(input, admin));
        var path = await WithServices(app, async sp => PostUrls.PathFor(post, SiteTime.Zone(await sp.GetRequiredService<SettingsService>().GetAsync())));

        var page = HtmlPage.Parse(await app.CreatePlainClient().GetStringAsync(path));
        Assert.Contains("5 min read", page.Body!.TextContent);
        var description = page.QuerySelector("meta[name=description]")!.GetAttribute("content")!;
        Assert.StartsWith("Paragraph 0 has exactly ten words in it, no more. Paragraph 1", description);
        Assert.True(description.Length <= 321, description);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Long_listings_are_paged_with_links_both_ways(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreatePlainClient();
        var admin = await AdminId(app);
        await WithServices(app, async sp =>
        {
            var categories = sp.GetRequiredService<CategoryService>();
            await categories.CreateAsync("Paging " + provider);
            return 0;
        });
        var slug = "paging-" + provider.ToString().ToLowerInvariant();
        for (var i = 1; i <= 23; i++)
        {
            var n = i;
            await WithServices(app, sp => sp.GetRequiredService<PostService>().CreateAsync(new PostInput
            {
                Title = $"Paged post {n}", Body = "x", Status = PostStatus.Published, Categories = [slug],
                PublishAt = DateTime.UtcNow.AddDays(-30).AddMinutes(n),
            }, admin));
        }
        var first = await HtmlPage.GetAsync(client, "/category/" + slug);
        // The sidebar is cached per content version: the new category and its count show at once.
        Assert.Contains(first.QuerySelectorAll("aside.sidebar li"), li => li.TextContent.Contains("Paging " + provider) && li.TextContent.Contains("(23)"));
        Assert.Equal(10, first.QuerySelectorAll(".post-card").Length);
        Assert.Equal("Paged post 23", first.QuerySelector(".post-card__title")!.TextContent.Trim());
        Assert.Equal($"/category/{slug}?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));

        var last = await HtmlPage.GetAsync(client, $"/category/{slug}?page=3");
        Assert.Equal(3, last.QuerySelectorAll(".post-card").Length);
        Assert.Equal($"/category/{slug}?page=2", last.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
        Assert.Equal($"http://localhost/category/{slug}?page=3", last.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/category/{slug}?page=4")).StatusCode);
    }
}
