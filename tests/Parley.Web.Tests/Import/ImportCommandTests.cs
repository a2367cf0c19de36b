using Parley.Testing;

namespace Parley.Web.Tests.Import;

/// <summary>
/// Moving in with one command: the WordPress theme unit test export imported by the real executable,
/// a second run adding nothing, old links redirecting, then the way back out as WXR read in again.
/// </summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task A_wordpress_export_moves_in_with_one_command_twice_without_duplicates_and_back_out()
    {
        var folder = TestFolders.Create("import-cli");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Parley__DataPath"] = Path.Combine(folder, "data"), ["Parley__AdminPassword"] = "a long test password", ["Parley__SeedDemoContent"] = "false",
            };
            var export = Path.Combine(TestData.Root, "wxr", "theme-test-data", "themeunittestdata.wordpress.xml");
            var (dryCode, dry) = await ParleyProcess.RunToExitAsync(folder, environment, "import", "wordpress", export, "--dry-run");
            Assert.True(dryCode == 0, dry);
            Assert.Contains("Dry run", dry);

            var (code, first) = await ParleyProcess.RunToExitAsync(folder, environment, "import", "wordpress", export);
            Assert.True(code == 0, first);
            Assert.Contains("Imported", first);
            var posts = Count(first, @"(\d+) posts");
            Assert.True(posts > 0, first);

            var (again, second) = await ParleyProcess.RunToExitAsync(folder, environment, "import", "wordpress", export);
            Assert.True(again == 0, second);
            Assert.Equal(0, Count(second, @"(\d+) posts"));
            Assert.Contains("were imported before", second);

            // The way back: export as WXR and read it in again into a fresh site: the same number of posts.
            var back = Path.Combine(folder, "back.xml");
            var (exportCode, exported) = await ParleyProcess.RunToExitAsync(folder, environment, "export", "wordpress", back);
            Assert.True(exportCode == 0, exported);
            var fresh = new Dictionary<string, string>(environment) { ["Parley__DataPath"] = Path.Combine(folder, "fresh") };
            var (roundCode, round) = await ParleyProcess.RunToExitAsync(folder, fresh, "import", "wordpress", back);
            Assert.True(roundCode == 0, round);
            Assert.Equal(Count(exported, @"(\d+) posts"), Count(round, @"(\d+) posts"));
            Assert.Equal(Count(exported, @"(\d+) pages"), Count(round, @"(\d+) pages"));
            // And the same content: titles, slugs, dates, terms, the text and pictures of each body, the comment threads.
            var before = await RoundTrip.ReadAsync(Path.Combine(folder, "data"));
            Assert.Equal(posts + Count(first, @"(\d+) pages"), before.Count);
            Assert.True(before.Values.Sum(p => p.Comments.Count) > 20 && before.Values.Any(p => p.Comments.Any(c => c.Parent is not null)));
            var differences = RoundTrip.Differences(before, await RoundTrip.ReadAsync(Path.Combine(folder, "fresh")));
            Assert.True(differences.Count == 0, $"{differences.Count} difference(s) after the round trip:\n" + string.Join("\n", differences.Take(60)));

            var (badCode, bad) = await ParleyProcess.RunToExitAsync(folder, environment, "import", "wordpress", Path.Combine(folder, "missing.xml"));
            Assert.Equal(2, badCode);
            Assert.Contains("There is no file", bad);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Media_download_is_asked_for_on_the_command_line_and_loopback_only_when_configured()
    {
        var folder = TestFolders.Create("import-cli-media");
        try
        {
            var image = Parley.Testing.TestImages.Png(300, 200);
            await using var server = await FileServer.StartAsync(new Dictionary<string, (byte[], string)> { ["/wp-content/uploads/pic.png"] = (image, "image/png") });
            var export = Path.Combine(folder, "site.xml");
            await File.WriteAllTextAsync(export, $$"""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Old</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>Pic</title><wp:post_id>5</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
                  <wp:attachment_url>{{server.Origin}}/wp-content/uploads/pic.png</wp:attachment_url></item>
                <item><title>With a picture</title><content:encoded><![CDATA[<img src="{{server.Origin}}/wp-content/uploads/pic.png" alt="pic" />]]></content:encoded>
                  <wp:post_id>6</wp:post_id><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>with-a-picture</wp:post_name>
                  <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                </channel></rss>
                """, TestContext.Current.CancellationToken);
            var environment = new Dictionary<string, string>
            {
                ["Parley__DataPath"] = Path.Combine(folder, "data"), ["Parley__AdminPassword"] = "a long test password", ["Parley__SeedDemoContent"] = "false",
            };
            var (badCode, bad) = await ParleyProcess.RunToExitAsync(folder, environment, "import", "wordpress", export, "--media", "sideways");
            Assert.Equal(2, badCode);
            Assert.Contains("--media link", bad);

            // Loopback is refused unless the site says otherwise: the file stays a link, and the report says why.
            var (code, refused) = await ParleyProcess.RunToExitAsync(folder, environment, "import", "wordpress", export, "--media", "download");
            Assert.True(code == 0, refused);
            Assert.Contains("1 could not be downloaded", refused);
            Assert.Contains("not on the public internet", refused);

            var allowed = new Dictionary<string, string>(environment) { ["Parley__DataPath"] = Path.Combine(folder, "allowed"), ["Parley__Import__AllowLoopbackDownloads"] = "true" };
            var (okCode, ok) = await ParleyProcess.RunToExitAsync(folder, allowed, "import", "wordpress", export, "--media", "download");
            Assert.True(okCode == 0, ok);
            Assert.Contains("1 attachments (1 downloaded, 0 linked)", ok);
            Assert.Single(Directory.GetFiles(Path.Combine(folder, "allowed", "media"), "*.png", SearchOption.AllDirectories), f => !Path.GetFileName(f).Contains('-'));
            var site = await RoundTrip.ReadAsync(Path.Combine(folder, "allowed"));
            Assert.StartsWith("img /media/", site["Post:with-a-picture"].Urls);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    private static int Count(string output, string pattern) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(output, pattern).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
