using AngleSharp.Html.Parser;
using Parley.Testing;

namespace Parley.Web.Tests.Export;

/// <summary>The public site as plain files: every link resolves on disk, and discussions point at the live site.</summary>
public sealed class StaticExportTests
{
    [Fact]
    public async Task The_demo_site_exports_to_files_whose_links_all_resolve_and_whose_discussions_use_the_embed()
    {
        var folder = TestFolders.Create("static-export");
        try
        {
            var environment = new Dictionary<string, string> { ["Parley__DataPath"] = Path.Combine(folder, "data"), ["Parley__AdminPassword"] = "a long test password" };
            // A first start seeds the demo site; the export then reads it as a visitor would.
            var home = Path.GetDirectoryName(ParleyProcess.ExecutablePath)!;
            await using (await ParleyProcess.StartAsync(home, environment, "--urls", "http://127.0.0.1:0")) { }
            var output = Path.Combine(folder, "site");
            // A build (not a publish) keeps the styles and scripts in the project's wwwroot: point the content root there.
            var webProject = Path.GetFullPath(Path.Combine(TestData.Root, "..", "..", "src", "Parley.Web"));
            var (code, printed) = await ParleyProcess.RunToExitAsync(home, environment, "export", "static", output,
                "--Parley:PublicUrl=https://live.example.org", "--contentRoot", webProject);
            Assert.True(code == 0, printed);

            Assert.True(File.Exists(Path.Combine(output, "index.html")));
            Assert.True(File.Exists(Path.Combine(output, "feed.xml")));
            // The sitemap index and every part it lists are files, and each part lists pages that are in the export.
            System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            var index = System.Xml.Linq.XDocument.Load(Path.Combine(output, "sitemap.xml"));
            Assert.Equal(ns + "sitemapindex", index.Root!.Name);
            var parts = index.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
            Assert.Equal(["/sitemap-posts-1.xml", "/sitemap-pages-1.xml"], parts);
            foreach (var part in parts)
                foreach (var loc in System.Xml.Linq.XDocument.Load(Path.Combine(output, part.TrimStart('/'))).Descendants(ns + "loc"))
                {
                    Assert.StartsWith("https://live.example.org/", loc.Value);
                    Assert.True(File.Exists(Path.Combine(output, new Uri(loc.Value).AbsolutePath.Trim('/'), "index.html")), loc.Value);
                }
            Assert.True(File.Exists(Path.Combine(output, "css", "site.css")));
            var post = Path.Combine(output, "2026", "10", "a-note-from-the-repair-cafe-the-toaster-that-wouldnt", "index.html");
            var html = await File.ReadAllTextAsync(post);
            var doc = new HtmlParser().ParseDocument(html);
            Assert.Equal("/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt", doc.QuerySelector("[data-parley-thread]")!.GetAttribute("data-parley-thread"));
            Assert.Equal("https://live.example.org/embed/thread.js", doc.QuerySelector("section#comments script")!.GetAttribute("src"));
            Assert.Null(doc.QuerySelector("form.comment-form"));

            // Every local link and asset of every page is a file (or a folder with index.html) in the export.
            foreach (var page in Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories))
            {
                var links = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(page))
                    .QuerySelectorAll("a[href^='/'], link[href^='/'], img[src^='/'], script[src^='/']")
                    .Select(e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Split('#')[0]).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal));
                foreach (var link in links)
                {
                    var local = Path.Combine(output, link.TrimStart('/').Split('?')[0]);
                    Assert.True(File.Exists(local) || File.Exists(Path.Combine(local, "index.html")), $"{Path.GetRelativePath(output, page)} links to {link}, which is not in the export");
                }
            }
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }
}
