using System.Net;
using System.Text.RegularExpressions;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Hosting;

/// <summary>The Parley executable on an empty data folder, then again on the same one.</summary>
public sealed partial class FirstStartTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task First_start_seeds_and_prints_the_admin_password_and_a_restart_keeps_everything(DatabaseProvider provider)
    {
        var folder = TestFolders.Create("first-start");
        var environment = new Dictionary<string, string>
        {
            ["Parley__DataPath"] = Path.Combine(folder, "data"),
            ["Parley__Database__Provider"] = provider.ToString(),
        };
        string? pgDatabase = null;
        if (provider == DatabaseProvider.Postgres)
            environment["ConnectionStrings__Parley"] = pgDatabase = await TestPostgres.CreateDatabaseAsync();
        try
        {
            string password;
            await using (var first = await ParleyProcess.StartAsync(folder, environment, "--urls", "http://127.0.0.1:0"))
            {
                var match = PasswordLine().Match(first.Output);
                Assert.True(match.Success, "No admin password was printed:\n" + first.Output);
                password = match.Groups[1].Value;
                Assert.Contains("admin@example.com", first.Output);
                using var http = new HttpClient { BaseAddress = new Uri(first.Address) };
                var home = await http.GetStringAsync("/");
                Assert.Contains("Should the library stay open until ten?", home);
            }
            Assert.True(File.Exists(Path.Combine(folder, "data", "keys", Directory.GetFiles(Path.Combine(folder, "data", "keys")).Select(Path.GetFileName).First()!)));
            if (provider == DatabaseProvider.Sqlite) Assert.True(File.Exists(Path.Combine(folder, "data", "parley.db")));

            await using var second = await ParleyProcess.StartAsync(folder, environment, "serve", "--urls", "http://127.0.0.1:0");
            Assert.DoesNotContain("password:", second.Output);
            Assert.DoesNotContain(password, second.Output);
            using var client = new HttpClient { BaseAddress = new Uri(second.Address) };
            var page = HtmlPage.Parse(await client.GetStringAsync("/"));
            Assert.Equal(4, page.QuerySelectorAll(".post-card").Length); // not seeded twice
        }
        finally
        {
            if (pgDatabase is not null) await TestPostgres.DropDatabaseAsync(pgDatabase);
            TestFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_configured_admin_password_is_used_and_never_printed()
    {
        var folder = TestFolders.Create("first-start");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Parley__DataPath"] = Path.Combine(folder, "data"),
                ["Parley__AdminEmail"] = "owner@example.org",
                ["Parley__AdminPassword"] = "a long configured secret",
            };
            await using var process = await ParleyProcess.StartAsync(folder, environment, "--urls", "http://127.0.0.1:0");
            Assert.DoesNotContain("a long configured secret", process.Output);
            Assert.DoesNotContain("password:", process.Output);
            using var http = new HttpClient { BaseAddress = new Uri(process.Address) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_with_a_clear_message()
    {
        var folder = TestFolders.Create("first-start");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Parley__DataPath"] = Path.Combine(folder, "data"),
                ["Parley__Database__Provider"] = "Postgres",
            };
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ParleyProcess.StartAsync(folder, environment, "--urls", "http://127.0.0.1:0"));
            Assert.Contains("ConnectionStrings__Parley", error.Message);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Out_of_range_limits_stop_the_start_with_a_clear_message()
    {
        var folder = TestFolders.Create("first-start");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Parley__DataPath"] = Path.Combine(folder, "data"),
                ["Parley__Limits__CommentsPerWindow"] = "0",
            };
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ParleyProcess.StartAsync(folder, environment, "--urls", "http://127.0.0.1:0"));
            Assert.Contains("CommentsPerWindow", error.Message);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PasswordLine();
}
