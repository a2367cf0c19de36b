using System.Text.Json.Nodes;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Archive;

/// <summary>
/// <c>export json</c> → <c>import json</c> into a new site → <c>export json</c> again, with the real
/// executable: both archives are the same bytes (but for the export time), and the restored site shows
/// a post and its thread exactly as the original did.
/// </summary>
public sealed class JsonArchiveRoundTripTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_rich_site_survives_export_and_import_unchanged(DatabaseProvider provider)
    {
        var folder = TestFolders.Create("archive-round-trip");
        string? restoredDatabase = null;
        try
        {
            await using var original = await ParleyApp.StartAsync(provider, settings: new() { ["Parley:Limits:CommentMinimumSeconds"] = "0" });
            await RichSite.FillAsync(original);
            var first = Path.Combine(folder, "first");
            var (code, output) = await ParleyProcess.RunToExitAsync(folder, Environment(original.DataPath, provider, original.ConnectionString), "export", "json", first);
            Assert.True(code == 0, output);
            Assert.Contains("readable by their owner only", output);
            AssertOwnerOnly(first);

            var restoredData = Path.Combine(folder, "restored");
            restoredDatabase = provider == DatabaseProvider.Sqlite ? ParleyDatabase.SqliteFile(restoredData) : await TestPostgres.CreateDatabaseAsync();
            var restored = Environment(restoredData, provider, restoredDatabase);
            (code, output) = await ParleyProcess.RunToExitAsync(folder, restored, "import", "json", first);
            Assert.True(code == 0, output);
            Assert.Contains("Restored", output);
            Assert.DoesNotContain("is not an account in the archive", output);

            var second = Path.Combine(folder, "second");
            (code, output) = await ParleyProcess.RunToExitAsync(folder, restored, "export", "json", second);
            Assert.True(code == 0, output);

            AssertSameArchive(first, second);
            AssertCarries(first);

            // The restored site, served by the real executable, shows the post and its thread as the original does.
            await using var server = await ParleyProcess.StartAsync(folder, restored, "--urls", "http://127.0.0.1:0");
            using var restoredClient = new HttpClient { BaseAddress = new Uri(server.Address) };
            var before = await HtmlPage.GetAsync(original.CreateClient(), RichSite.DiscussedPost);
            var after = await HtmlPage.GetAsync(restoredClient, RichSite.DiscussedPost);
            Assert.Equal(Visible(before, "article.post"), Visible(after, "article.post"));
            Assert.Equal(Visible(before, "#comments-title"), Visible(after, "#comments-title"));
            Assert.Equal(Visible(before, "ol.comment-list"), Visible(after, "ol.comment-list"));
            Assert.Contains("And a reply to the reply &lt;with&gt; &amp; markup.", Visible(after, "ol.comment-list"));
            Assert.Contains("The Archived Site", after.Title);
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres && restoredDatabase is not null) await TestPostgres.DropDatabaseAsync(restoredDatabase);
            else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestFolders.Delete(folder);
        }
    }

    internal static Dictionary<string, string> Environment(string dataPath, DatabaseProvider provider, string connectionString) => new()
    {
        ["Parley__DataPath"] = dataPath,
        ["Parley__Database__Provider"] = provider.ToString(),
        ["ConnectionStrings__Parley"] = connectionString,
        ["Parley__AdminEmail"] = ParleyApp.AdminEmail,
        ["Parley__AdminPassword"] = ParleyApp.AdminPassword,
        ["Parley__SeedDemoContent"] = "false",
    };

    /// <summary>Every file the same bytes; the manifest the same but for when it was written.</summary>
    private static void AssertSameArchive(string first, string second)
    {
        static List<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Files(first), Files(second));
        foreach (var file in Files(first).Where(f => f != "parley-archive.json"))
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs");
        var a = JsonNode.Parse(File.ReadAllText(Path.Combine(first, "parley-archive.json")))!.AsObject();
        var b = JsonNode.Parse(File.ReadAllText(Path.Combine(second, "parley-archive.json")))!.AsObject();
        a.Remove("exportedAt");
        b.Remove("exportedAt");
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
    }

    /// <summary>The archive really holds the hard parts, not just the same emptiness twice.</summary>
    private static void AssertCarries(string archive)
    {
        string Data(string section) => File.ReadAllText(Path.Combine(archive, "data", section + ".json"));
        foreach (var state in new[] { "\"Pending\"", "\"Approved\"", "\"Spam\"", "\"Trash\"" }) Assert.Contains(state, Data("comments"));
        Assert.Contains("\"AuthorVia\": \"GitHub\"", Data("comments"));
        Assert.Contains("\"AuthorIp\": \"203.0.113.7\"", Data("comments"));
        Assert.Contains("\"IsPinned\": true", Data("comments"));
        Assert.Contains("gh-4242", Data("user-logins"));
        Assert.Contains("Rita's laptop", Data("passkeys"));
        Assert.Contains("\"ClientSecret\": \"the client secret\"", Data("sign-in-providers"));
        Assert.Contains("\"PasswordHash\": \"", Data("users"));
        Assert.Contains("The Archived Site", Data("settings"));
        Assert.Contains("deploy", Data("api-tokens"));
        Assert.Contains("subscription-token-1", Data("subscriptions"));
        Assert.Contains("reader-key-1", Data("comment-reactions"));
        Assert.Contains("Unsaved title", Data("post-autosaves"));
        Assert.Contains("\"ParentId\": ", Data("categories"));
        Assert.NotEqual("[]", Data("post-revisions"));
        Assert.NotEqual("[]", Data("path-redirects"));
        Assert.NotEqual("[]", Data("imported-items"));
        Assert.NotEqual("[]", Data("moderation-log"));
        var media = JsonNode.Parse(Data("media-files"))!.AsArray();
        Assert.Contains(media, m => (string?)m!["contentType"] == "image/png" && File.Exists(Path.Combine(archive, "media", (string)m["path"]!)));
        Assert.True(media.Count > 1, "the resized copies travel with the original");
    }

    private static void AssertOwnerOnly(string archive)
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(archive));
        foreach (var file in Directory.EnumerateFiles(archive, "*", SearchOption.AllDirectories))
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is readable by others");
    }

    /// <summary>An element as rendered, without the per-request hidden fields (antiforgery and form timing tokens).</summary>
    private static string Visible(AngleSharp.Dom.IDocument page, string selector)
    {
        var element = page.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No {selector} on the page.");
        foreach (var hidden in element.QuerySelectorAll("input[type=hidden]").ToList()) hidden.Remove();
        return element.OuterHtml;
    }
}
