using System.Text.RegularExpressions;
using Parley.Testing;
using Parley.Web.Cli.Bench;

namespace Parley.Web.Tests.Bench;

/// <summary>
/// The generated WordPress export used to measure the importer at size: the same seed gives the same file,
/// and the real executable imports a small one with exactly the counts the generator reports.
/// </summary>
public sealed partial class BenchWxrTests
{
    [Fact]
    public void The_same_seed_writes_the_same_file_and_another_seed_another()
    {
        static byte[] Write(int seed)
        {
            using var stream = new MemoryStream();
            WxrGenerator.Write(stream, 20, 200, seed);
            return stream.ToArray();
        }
        Assert.Equal(Write(7), Write(7));
        Assert.NotEqual(Write(7), Write(8));
    }

    [Fact]
    public async Task A_generated_export_imports_with_the_counts_it_was_written_with()
    {
        var folder = TestFolders.Create("bench-wxr");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Parley__DataPath"] = Path.Combine(folder, "data"), ["Parley__AdminPassword"] = "a long test password", ["Parley__SeedDemoContent"] = "false",
            };
            var file = Path.Combine(folder, "generated.xml");
            var (writeCode, wrote) = await ParleyProcess.RunToExitAsync(folder, environment, "bench", "wxr", file, "--posts", "40", "--comments", "400");
            Assert.True(writeCode == 0, wrote);
            Assert.Contains("40 posts, 1 page, 400 comments", wrote);

            var (code, imported) = await ParleyProcess.RunToExitAsync(folder, environment, "import", "wordpress", file);
            Assert.True(code == 0, imported);
            // The importer counts pingbacks apart from approved comments; the generator counts them among the approved.
            var w = Counts().Match(wrote);
            var i = Counts().Match(imported);
            Assert.True(w.Success && i.Success, wrote + imported);
            Assert.Contains("40 posts, 1 pages, 400 comments", imported);
            Assert.Equal(int.Parse(w.Groups["approved"].Value) - int.Parse(w.Groups["pingbacks"].Value), int.Parse(i.Groups["approved"].Value));
            foreach (var state in new[] { "pending", "spam", "trash", "pingbacks" }) Assert.Equal(w.Groups[state].Value, i.Groups[state].Value);
            Assert.Contains("6 authors, 13 categories, 40 tags", imported);
            Assert.DoesNotContain("skipped", imported);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    [GeneratedRegex(@"\((?<approved>\d+) approved, (?<pending>\d+) pending, (?<spam>\d+) spam, (?<trash>\d+) trash, (?<pingbacks>\d+) pingbacks\)")]
    private static partial Regex Counts();
}
