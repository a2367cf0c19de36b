using System.Net;
using System.Text.RegularExpressions;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Bench;

/// <summary>
/// <c>Parley bench seed</c> on an empty site, through the real executable: it fills the database, refuses
/// a second run without --force, and the site then serves its pages, a long thread, search and feeds.
/// </summary>
public sealed partial class BenchSeedTests
{
    [Fact]
    public async Task Asking_a_command_for_help_shows_the_usage_and_changes_nothing()
    {
        var folder = TestFolders.Create("bench-seed-help");
        var data = Path.Combine(folder, "data");
        var (code, output) = await ParleyProcess.RunToExitAsync(folder, new Dictionary<string, string> { ["Parley__DataPath"] = data }, "bench", "seed", "--help");
        Assert.Equal(0, code);
        Assert.Contains("bench seed", output);
        Assert.False(Directory.Exists(data), "asking for help created a site");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_seeded_site_serves_its_pages_and_a_second_seed_needs_force(DatabaseProvider provider)
    {
        var folder = TestFolders.Create("bench-seed");
        var environment = new Dictionary<string, string>
        {
            ["Parley__DataPath"] = Path.Combine(folder, "data"), ["Parley__AdminPassword"] = "a long test password",
            ["Parley__SeedDemoContent"] = "false", ["Parley__Database__Provider"] = provider.ToString(),
        };
        string? pgDatabase = null;
        if (provider == DatabaseProvider.Postgres) environment["ConnectionStrings__Parley"] = pgDatabase = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var (code, seeded) = await ParleyProcess.RunToExitAsync(folder, environment, "bench", "seed", "--posts", "50", "--comments", "500");
            Assert.True(code == 0, seeded);
            Assert.Contains("Seeded 50 posts and 500 comments", seeded);
            var realistic = RealisticPath().Match(seeded);
            Assert.True(realistic.Success, seeded);

            var (again, refused) = await ParleyProcess.RunToExitAsync(folder, environment, "bench", "seed", "--posts", "5", "--comments", "10");
            Assert.Equal(2, again);
            Assert.Contains("already has 50 posts", refused);
            Assert.Contains("--force", refused);
            var (forced, more) = await ParleyProcess.RunToExitAsync(folder, environment, "bench", "seed", "--posts", "5", "--comments", "10", "--force");
            Assert.True(forced == 0, more);

            await using var server = await ParleyProcess.StartAsync(folder, environment, "--urls", "http://127.0.0.1:0");
            using var http = new HttpClient { BaseAddress = new Uri(server.Address) };
            var home = HtmlPage.Parse(await http.GetStringAsync("/"));
            Assert.NotEmpty(home.QuerySelectorAll(".post-card"));

            var post = HtmlPage.Parse(await http.GetStringAsync(realistic.Groups[1].Value));
            Assert.Equal(50, post.QuerySelectorAll(".comment").Length);

            var tag = home.QuerySelectorAll("a[href^='/tag/']").Select(a => a.GetAttribute("href")).FirstOrDefault()
                      ?? post.QuerySelectorAll("a[href^='/tag/']").Select(a => a.GetAttribute("href")).First();
            foreach (var path in new[] { tag!, "/category/rivers", "/search?q=river", "/feed", "/feed/atom", realistic.Groups[1].Value + "/feed" })
            {
                using var response = await http.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            }
            var search = await http.GetStringAsync("/search?q=river");
            Assert.Contains("realistic-post", search);
        }
        finally
        {
            if (pgDatabase is not null) await TestPostgres.DropDatabaseAsync(pgDatabase);
            TestFolders.Delete(folder);
        }
    }

    [GeneratedRegex(@"The post with the long thread: (\S+)")]
    private static partial Regex RealisticPath();
}
