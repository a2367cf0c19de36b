using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Export;
using Parley.Testing;

namespace Parley.Web.Tests.Export;

/// <summary>The way back to WordPress: a WXR 1.2 file with everything WordPress's importer reads.</summary>
public sealed class WordPressExportTests(ApiExportApps apps) : IClassFixture<ApiExportApps>
{
    private static readonly XNamespace Wp = "http://wordpress.org/export/1.2/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task The_demo_site_exports_as_wxr_with_posts_pages_terms_and_threaded_comments(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await CommentPoster.PostAsync(app.CreatePlainClient(), "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt",
            CommentPoster.Guest("A comment that <travels> ]]> with the export", email: "travel@example.org"));
        using var stream = new MemoryStream();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var counts = await scope.ServiceProvider.GetRequiredService<WxrExporter>().WriteAsync(stream, "https://blog.example.org");
            Assert.Equal(4, counts.Posts);
            Assert.Equal(1, counts.Pages);
        }
        stream.Position = 0;
        var doc = XDocument.Load(stream);
        var channel = doc.Root!.Element("channel")!;
        Assert.Equal("1.2", channel.Element(Wp + "wxr_version")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(4, items.Count(i => i.Element(Wp + "post_type")!.Value == "post"));
        Assert.Single(items, i => i.Element(Wp + "post_type")!.Value == "page");
        Assert.All(items, i => Assert.Equal("publish", i.Element(Wp + "status")!.Value));
        var repair = items.Single(i => i.Element("link")!.Value.EndsWith("/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt", StringComparison.Ordinal));
        Assert.Contains("[caption", repair.Element(Content + "encoded")!.Value, StringComparison.Ordinal);
        Assert.Contains("A Saturday repair session.[/caption]", repair.Element(Content + "encoded")!.Value, StringComparison.Ordinal);
        Assert.Contains(repair.Elements("category"), c => (string?)c.Attribute("domain") == "category");
        var comment = repair.Elements(Wp + "comment").Single(c => c.Element(Wp + "comment_content")!.Value.Contains("travels"));
        Assert.Contains("]]&gt;", comment.Element(Wp + "comment_content")!.Value, StringComparison.Ordinal);
        Assert.NotEmpty(channel.Elements(Wp + "category"));
        Assert.NotEmpty(channel.Elements(Wp + "author"));
    }

    [Fact]
    public async Task The_command_writes_the_file_whole_and_explains_a_bad_path()
    {
        var folder = TestFolders.Create("export-cli");
        try
        {
            var environment = new Dictionary<string, string> { ["Parley__DataPath"] = folder, ["Parley__AdminPassword"] = "a long test password" };
            var file = Path.Combine(folder, "site.xml");
            var (code, output) = await ParleyProcess.RunToExitAsync(folder, environment, "export", "wordpress", file);
            Assert.True(code == 0, output);
            Assert.Contains("Wrote", output);
            Assert.Equal("1.2", XDocument.Load(file).Root!.Element("channel")!.Element(Wp + "wxr_version")!.Value);
            Assert.False(File.Exists(file + ".partial"));

            var (badCode, badOutput) = await ParleyProcess.RunToExitAsync(folder, environment, "export", "wordpress", "/proc/no-such-dir/site.xml");
            Assert.Equal(1, badCode);
            Assert.Contains("Could not write", badOutput);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }
}

/// <summary>Apps with comments allowed at once (the export carries them).</summary>
public sealed class ApiExportApps : ParleyApps
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Parley:Limits:CommentMinimumSeconds"] = "0",
        ["Parley:Limits:CommentsPerWindow"] = "100000",
    };
}
