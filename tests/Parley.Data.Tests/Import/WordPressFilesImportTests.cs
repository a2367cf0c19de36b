using Parley.Core.Data;
using Parley.Core.Import;
using Parley.Testing;

namespace Parley.Data.Tests.Import;

/// <summary>Every export in WordPress's own importer tests either imports or is refused with a message a person can act on.</summary>
public sealed class WordPressFilesImportTests
{
    // Refused whole: not an export (no channel, and cut short before one), no version, or a version that is not 1.x.
    private static readonly HashSet<string> Refused = ["malformed.xml", "missing-version-tag.xml", "invalid-version-tag.xml"];

    // Read up to a break: cut short, a "]]>" left in text (only WordPress's regex parser reads it), prefixes XML reserves.
    private static readonly HashSet<string> Partial = ["malformed-simple.xml", "crazy-cdata.xml", "namespace-attacks.xml"];

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Each_file_imports_or_fails_with_a_clear_message(DatabaseProvider provider)
    {
        await using var site = await ImportSite.CreateAsync(provider);
        var files = Directory.GetFiles(TestData.PathOf("wxr/wordpress-importer"), "*.xml", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("theme-unit-test-data.xml", StringComparison.Ordinal) && !f.EndsWith("a11y-unit-test-data.xml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 30);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var relative = Path.GetRelativePath(TestData.PathOf("wxr"), file);
            if (Refused.Contains(name))
            {
                var e = await Assert.ThrowsAsync<WxrFormatException>(() => site.ImportFileAsync(relative));
                Assert.Matches("WordPress export|WXR version|line \\d+, position", e.Message);
                Assert.Equal(0, e.ItemsRead);
                continue;
            }
            var report = await site.ImportFileAsync(relative);
            Assert.True(report.Completed != Partial.Contains(name), $"{relative}: completed {report.Completed}, stopped at {report.StoppedAt}");
            if (!report.Completed) Assert.Matches(@"line \d+, position \d+", report.StoppedAt);
        }
    }

    [Fact]
    public async Task The_larger_wordpress_test_exports_import_on_sqlite()
    {
        await using var site = await ImportSite.CreateAsync(DatabaseProvider.Sqlite);
        foreach (var file in new[] { "wordpress-importer/phpunit/data/theme-unit-test-data.xml", "wordpress-importer/phpunit/data/a11y-unit-test-data.xml", "theme-test-data/64-block-test-data.xml", "theme-test-data/theme-preview.xml" })
        {
            var report = await site.ImportFileAsync(file);
            Assert.True(report.Completed, file);
            Assert.True(report.Posts + report.Pages + report.AlreadyImported > 0, file);
        }
    }
}
