using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Import;
using Parley.Core.Settings;
using Parley.Testing;

namespace Parley.Data.Tests.Import;

/// <summary>A migrated site with its roles and an administrator who runs imports.</summary>
internal sealed class ImportSite : IAsyncDisposable
{
    public TestDatabase Db { get; }
    public string AdminId { get; }

    private ImportSite(TestDatabase db, string adminId) => (Db, AdminId) = (db, adminId);

    public static async Task<ImportSite> CreateAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        await db.InScopeAsync(sp => sp.GetRequiredService<SettingsService>().EnsureCreatedAsync(now));
        var (admin, _) = await db.InScopeAsync(sp => AdminAccount.EnsureAsync(sp.GetRequiredService<UserManager<ParleyUser>>(),
            sp.GetRequiredService<RoleManager<IdentityRole>>(), "admin@parley.example", "Long-enough-Test-password-42", now));
        return new ImportSite(db, admin.Id);
    }

    public Task<ImportReport> ImportFileAsync(string relative, bool dryRun = false)
    {
        var path = TestData.PathOf("wxr/" + relative);
        return Db.InScopeAsync(async sp =>
        {
            await using var stream = File.OpenRead(path);
            return await sp.GetRequiredService<WordPressImporter>().ImportAsync(stream, new ImportOptions { ImportingUserId = AdminId, DryRun = dryRun });
        });
    }

    public Task<ImportReport> ImportAsync(string xml, bool dryRun = false) => ImportAsync(Encoding.UTF8.GetBytes(xml), dryRun);

    public Task<ImportReport> ImportAsync(byte[] bytes, bool dryRun = false) =>
        Db.InScopeAsync(sp => sp.GetRequiredService<WordPressImporter>()
            .ImportAsync(new MemoryStream(bytes), new ImportOptions { ImportingUserId = AdminId, DryRun = dryRun }));

    /// <summary>Imports with the attachments' files downloaded as <paramref name="downloads"/> says.</summary>
    public Task<ImportReport> ImportAsync(string xml, MediaDownloads downloads) =>
        Db.InScopeAsync(sp => sp.GetRequiredService<WordPressImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new ImportOptions { ImportingUserId = AdminId, Downloads = downloads }));

    /// <summary>An attachment item: the file at <paramref name="url"/>, uploaded to post <paramref name="parent"/>.</summary>
    public static string Attachment(int id, string url, int parent = 0, string alt = "", string? attachedFile = null) => $"""
        <item>
        <title>Attachment {id}</title>
        <dc:creator>ann</dc:creator>
        <content:encoded><![CDATA[]]></content:encoded>
        <excerpt:encoded><![CDATA[Caption {id}]]></excerpt:encoded>
        <wp:post_id>{id}</wp:post_id>
        <wp:post_date>2019-05-04 09:00:00</wp:post_date>
        <wp:post_date_gmt>2019-05-04 09:00:00</wp:post_date_gmt>
        <wp:post_name>attachment-{id}</wp:post_name>
        <wp:status>inherit</wp:status>
        <wp:post_parent>{parent}</wp:post_parent>
        <wp:post_type>attachment</wp:post_type>
        <wp:attachment_url><![CDATA[{url}]]></wp:attachment_url>
        <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta>
        {(attachedFile is null ? "" : $"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value><![CDATA[{attachedFile}]]></wp:meta_value></wp:postmeta>")}
        </item>
        """;

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    /// <summary>A small export around <paramref name="body"/> (items, authors, terms).</summary>
    public static string Wxr(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <title>Old blog</title>
        <link>http://old.example</link>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_site_url>http://old.example</wp:base_site_url>
        <wp:base_blog_url>http://old.example</wp:base_blog_url>
        <wp:author><wp:author_id>1</wp:author_id><wp:author_login>ann</wp:author_login><wp:author_email>ann@old.example</wp:author_email><wp:author_display_name><![CDATA[Ann Writer]]></wp:author_display_name></wp:author>
        {body}
        </channel>
        </rss>
        """;

    /// <summary>A published post item; <paramref name="extra"/> goes inside (comments, meta, terms).</summary>
    public static string Post(int id, string title, string content = "Text.", string extra = "", string status = "publish", string date = "2019-05-04 10:00:00", string type = "post") => $"""
        <item>
        <title>{title}</title>
        <link>http://old.example/2019/05/{id}-slug/</link>
        <dc:creator>ann</dc:creator>
        <content:encoded><![CDATA[{content}]]></content:encoded>
        <excerpt:encoded><![CDATA[]]></excerpt:encoded>
        <wp:post_id>{id}</wp:post_id>
        <wp:post_date>{date}</wp:post_date>
        <wp:post_date_gmt>{date}</wp:post_date_gmt>
        <wp:comment_status>open</wp:comment_status>
        <wp:post_name>{id}-slug</wp:post_name>
        <wp:status>{status}</wp:status>
        <wp:post_parent>0</wp:post_parent>
        <wp:post_type>{type}</wp:post_type>
        {extra}
        </item>
        """;

    public static string Comment(int id, int parent = 0, string approved = "1", string content = "A comment.", string type = "comment") => $"""
        <wp:comment>
        <wp:comment_id>{id}</wp:comment_id>
        <wp:comment_author><![CDATA[Reader {id}]]></wp:comment_author>
        <wp:comment_author_email>reader{id}@example.org</wp:comment_author_email>
        <wp:comment_author_url>http://reader.example/</wp:comment_author_url>
        <wp:comment_author_IP>192.0.2.{id % 250}</wp:comment_author_IP>
        <wp:comment_date>2019-05-05 10:{id % 60:D2}:00</wp:comment_date>
        <wp:comment_date_gmt>2019-05-05 10:{id % 60:D2}:00</wp:comment_date_gmt>
        <wp:comment_content><![CDATA[{content}]]></wp:comment_content>
        <wp:comment_approved>{approved}</wp:comment_approved>
        <wp:comment_type>{type}</wp:comment_type>
        <wp:comment_parent>{parent}</wp:comment_parent>
        <wp:comment_user_id>0</wp:comment_user_id>
        </wp:comment>
        """;
}
