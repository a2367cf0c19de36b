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

    private static int Count(string output, string pattern) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(output, pattern).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
