using System.Text;
using Parley.Core.Import;
using Parley.Testing;

namespace Parley.Core.Tests.Import;

/// <summary>Reading exports: real files from WordPress's own test data, and hostile files written here.</summary>
public sealed class WxrReaderTests
{
    internal static List<WxrRecord> ReadAll(string xml) => ReadAll(Encoding.UTF8.GetBytes(xml));

    internal static List<WxrRecord> ReadAll(byte[] bytes)
    {
        using var reader = WxrReader.Open(new MemoryStream(bytes));
        return reader.Records().ToList();
    }

    internal static string Wxr(string body, string version = "1.2") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/{version}/">
        <channel>
        <title>Test</title>
        <wp:wxr_version>{version}</wp:wxr_version>
        <wp:base_blog_url>http://old.example</wp:base_blog_url>
        {body}
        </channel>
        </rss>
        """;

    [Fact]
    public void The_theme_unit_test_file_reads_whole()
    {
        using var stream = File.OpenRead(TestData.PathOf("wxr/theme-test-data/themeunittestdata.wordpress.xml"));
        using var reader = WxrReader.Open(stream);
        var records = reader.Records().ToList();
        var items = records.OfType<WxrItem>().ToList();

        Assert.Equal(186, items.Count);
        Assert.Equal(2, records.OfType<WxrAuthor>().Count());
        // 68 wp:category elements and one wp:term of the category taxonomy.
        Assert.Equal(69, records.OfType<WxrCategory>().Count());
        Assert.Equal(6, records.OfType<WxrTerm>().Count(t => t.Taxonomy == "nav_menu"));
        Assert.Equal(110, records.OfType<WxrTag>().Count());
        Assert.Equal(37, items.Count(i => i.PostType == "attachment"));
        Assert.Equal(33, items.Sum(i => i.Comments.Count));
        Assert.Equal("https://wpthemetestdata.wordpress.com", reader.Site.BaseBlogUrl);
        Assert.Equal("1.2", reader.Site.WxrVersion);
        Assert.Empty(reader.Repairs);
        var sticky = Assert.Single(items, i => i.IsSticky);
        Assert.Equal("Template: Sticky", sticky.Title);
    }

    [Fact]
    public void A_doctype_with_an_external_entity_is_refused_before_anything_is_read()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version>
            <item><title>&xxe;</title></item></channel></rss>
            """;
        var e = Assert.Throws<WxrFormatException>(() => ReadAll(xml));
        Assert.Equal(WxrProblem.Doctype, e.Problem);
        Assert.Equal(ImportMessages.Doctype, e.Message);
        Assert.Equal(0, e.ItemsRead);
    }

    [Fact]
    public void A_billion_laughs_dtd_is_refused_without_expanding_anything()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++) entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE rss [{entities}]><rss><channel><title>&lol9;</title></channel></rss>";
        var e = Assert.Throws<WxrFormatException>(() => ReadAll(xml));
        Assert.Equal(WxrProblem.Doctype, e.Problem);
    }

    [Fact]
    public void Namespaces_count_by_uri_not_by_prefix()
    {
        var records = ReadAll(File.ReadAllBytes(TestData.PathOf("wxr/wordpress-importer/phpunit/data/namespace-edge-cases.xml")));
        // The author whose wp: prefix points elsewhere is not an author; the 1.1 namespace under another prefix is.
        Assert.Equal(["real_user", "version_conflict"], records.OfType<WxrAuthor>().Select(a => a.Login));
        var mixed = records.OfType<WxrItem>().First();
        Assert.Equal(1, mixed.PostId);
        Assert.Equal(["normal_key"], mixed.Meta.Select(m => m.Key));
    }

    [Fact]
    public void A_hijacked_prefix_gives_an_item_without_wordpress_fields_and_reserved_prefixes_stop_the_file_with_its_position()
    {
        using var stream = File.OpenRead(TestData.PathOf("wxr/wordpress-importer/branch-replace-regex-parser-with-xml-processor/namespace-attacks.xml"));
        using var reader = WxrReader.Open(stream);
        var items = new List<WxrItem>();
        var e = Assert.Throws<WxrFormatException>(() => { foreach (var r in reader.Records()) if (r is WxrItem i) items.Add(i); });
        var hijacked = items[0];
        Assert.Null(hijacked.PostId);
        Assert.Null(hijacked.PostType);
        Assert.Empty(hijacked.Meta);
        // Entity references without a DTD inside CDATA are plain text.
        Assert.StartsWith("&lol1;", items[1].Content, StringComparison.Ordinal);
        Assert.Equal(6, items.Single(i => i.Title == "Case Sensitivity").PostId);
        // Item 8 binds prefixes XML does not allow ("123invalid"): reading stops there, after six whole items.
        Assert.Equal(6, items.Count);
        Assert.Equal(WxrProblem.NotWellFormed, e.Problem);
        Assert.Equal(6, e.ItemsRead);
        Assert.NotNull(e.Line);
        Assert.Contains("line ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_says_how_far_it_got_and_hands_over_only_whole_items()
    {
        var full = Wxr("""
            <item><title>One</title><wp:post_id>1</wp:post_id></item>
            <item><title>Two</title><wp:post_id>2</wp:post_id></item>
            <item><title>Three</title><wp:post_id>3</wp:post_id><content:encoded><![CDATA[Half a
            """);
        var cut = full[..full.IndexOf("Half a", StringComparison.Ordinal)];
        using var reader = WxrReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(cut)));
        var read = new List<WxrItem>();
        var e = Assert.Throws<WxrFormatException>(() => { foreach (var r in reader.Records()) read.Add((WxrItem)r); });
        Assert.Equal(["One", "Two"], read.Select(i => i.Title));
        Assert.Equal(WxrProblem.Truncated, e.Problem);
        Assert.Equal(2, e.ItemsRead);
        Assert.Contains("cut short", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>Hi</body></html>", "not <rss>")]
    [InlineData("<rss version=\"2.0\"><notachannel/></rss>", "no <channel>")]
    [InlineData("<rss version=\"2.0\"><channel><title>Plain feed</title><item><title>x</title></item></channel></rss>", "wxr_version")]
    [InlineData("", "empty")]
    public void Xml_that_is_not_a_wordpress_export_is_refused_clearly(string xml, string expected)
    {
        var e = Assert.Throws<WxrFormatException>(() => ReadAll(xml));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_replaced_and_counted_rather_than_failing_the_file()
    {
        var head = Encoding.UTF8.GetBytes(Wxr("<item><title>Caf__</title><wp:post_id>1</wp:post_id></item>"));
        var at = Encoding.UTF8.GetString(head).IndexOf("__", StringComparison.Ordinal);
        head[at] = 0xE9; // Latin-1 é, not UTF-8
        head[at + 1] = 0xFF;
        using var reader = WxrReader.Open(new MemoryStream(head));
        var item = Assert.Single(reader.Records().OfType<WxrItem>());
        Assert.Equal("Caf\uFFFD\uFFFD", item.Title);
        Assert.Contains(reader.Repairs, r => r.Contains("2 byte(s) were not valid utf-8", StringComparison.Ordinal));
    }

    [Fact]
    public void A_latin1_declaration_is_honoured_and_an_unknown_one_is_read_as_utf8_with_a_note()
    {
        var latin = Encoding.Latin1.GetBytes(Wxr("<item><title>Café</title></item>").Replace("UTF-8", "ISO-8859-1", StringComparison.Ordinal));
        Assert.Equal("Café", ReadAll(latin).OfType<WxrItem>().Single().Title);

        using var reader = WxrReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(Wxr("<item><title>Café</title></item>").Replace("UTF-8", "x-klingon", StringComparison.Ordinal))));
        Assert.Equal("Café", reader.Records().OfType<WxrItem>().Single().Title);
        Assert.Contains(reader.Repairs, r => r.Contains("x-klingon", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_are_dropped_and_counted()
    {
        using var reader = WxrReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(Wxr("<item><title>a\u0001b&#x8;c</title></item>"))));
        Assert.Equal("abc", reader.Records().OfType<WxrItem>().Single().Title);
        Assert.Contains(reader.Repairs, r => r.Contains("1 control character", StringComparison.Ordinal));
    }

    [Fact]
    public void Php_serialized_metadata_stays_the_string_it_was()
    {
        const string value = """O:8:"stdClass":1:{s:4:"evil";s:6:"system";}""";
        var item = ReadAll(Wxr($"<item><wp:postmeta><wp:meta_key>_x</wp:meta_key><wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta></item>"))
            .OfType<WxrItem>().Single();
        Assert.Equal(value, item.MetaValue("_x"));
    }

    [Fact]
    public void Cdata_split_around_its_own_end_marker_joins_up_and_an_unsplit_one_is_malformed()
    {
        var item = ReadAll(File.ReadAllBytes(TestData.PathOf("wxr/wordpress-importer/phpunit/data/crazy-cdata-escaped.xml"))).OfType<WxrItem>().Single();
        Assert.Equal("Content with nested <![CDATA[ tags ]]> :)", item.Content);
        // WordPress's regex parser reads this one; it is not XML (a "]]>" is left in character data).
        var e = Assert.Throws<WxrFormatException>(() => ReadAll(File.ReadAllBytes(TestData.PathOf("wxr/wordpress-importer/phpunit/data/crazy-cdata.xml"))));
        Assert.Equal(WxrProblem.NotWellFormed, e.Problem);
        Assert.Equal(18, e.Line);
    }
}
