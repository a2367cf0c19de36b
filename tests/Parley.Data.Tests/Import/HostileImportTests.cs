using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Import;
using Parley.Core.Posts;
using Parley.Testing;
using static Parley.Data.Tests.Import.ImportSite;

namespace Parley.Data.Tests.Import;

/// <summary>Broken and hostile exports, written here: refused before anything is written, or imported whole post by post.</summary>
public sealed class HostileImportTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_doctype_is_refused_before_anything_is_expanded_fetched_or_written(DatabaseProvider provider)
    {
        await using var site = await CreateAsync(provider);
        var external = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n" + Wxr(Post(1, "&xxe;")).Split('\n', 2)[1];
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lol\">");
        for (var i = 1; i < 10; i++) laughs.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        laughs.Append("]>").Append(Wxr(Post(1, "&l9;")).Split('\n', 2)[1]);

        foreach (var xml in new[] { external, laughs.ToString() })
        {
            var e = await Assert.ThrowsAsync<WxrFormatException>(() => site.ImportAsync(xml));
            Assert.Equal(WxrProblem.Doctype, e.Problem);
            Assert.Equal(ImportMessages.Doctype, e.Message);
        }
        await using var db = site.Db.NewContext();
        Assert.Equal(0, await db.Posts.CountAsync());
        Assert.Equal(0, await db.ImportedItems.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_truncated_file_keeps_whole_posts_only_and_says_where_it_stopped(DatabaseProvider provider)
    {
        await using var site = await CreateAsync(provider);
        var full = Wxr(Post(1, "One", extra: Comment(11) + Comment(12, parent: 11)) + Post(2, "Two", extra: Comment(21)) +
            Post(3, "Three", extra: Comment(31) + Comment(32)));
        var cut = Encoding.UTF8.GetBytes(full[..full.IndexOf("Reader 32", StringComparison.Ordinal)]);

        var report = await site.ImportAsync(cut);
        Assert.False(report.Completed);
        Assert.Matches(@"line \d+, position \d+", report.StoppedAt);
        Assert.Contains("cut short", report.StoppedAt, StringComparison.Ordinal);
        Assert.Contains("2 items were read", report.StoppedAt, StringComparison.Ordinal);
        Assert.Equal(2, report.Posts);
        Assert.Equal(3, report.Comments.Approved);
        await using (var db = site.Db.NewContext())
        {
            Assert.Equal(["One", "Two"], await db.Posts.OrderBy(p => p.Id).Select(p => p.Title).ToListAsync());
            Assert.Equal(3, await db.Comments.CountAsync());
        }

        // The whole file later brings the missing post and nothing twice.
        var rest = await site.ImportAsync(full);
        Assert.True(rest.Completed);
        Assert.Equal(1, rest.Posts);
        Assert.Equal(2, rest.Comments.Approved);
        await using (var db = site.Db.NewContext())
        {
            Assert.Equal(3, await db.Posts.CountAsync());
            Assert.Equal(5, await db.Comments.CountAsync());
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Broken_threads_dates_ids_and_slugs_are_imported_the_safe_way_and_reported(DatabaseProvider provider)
    {
        await using var site = await CreateAsync(provider);
        var report = await site.ImportAsync(Wxr(
            Post(1, "Thread", extra: Comment(10) + Comment(11, parent: 99) + Comment(12, parent: 13) + Comment(13, parent: 12) +
                Comment(14, parent: 14) + Comment(15, parent: 10, approved: "spam") + Comment(16, approved: "trash") + Comment(17, approved: "0") +
                Comment(18, type: "pingback", content: "[...] linked [...]") + Comment(19, type: "note") + Comment(10, content: "duplicate id")) +
            Post(2, "Year zero", date: "0000-01-01 00:00:00") +
            Post(3, "Year 9999", date: "9999-12-31 23:59:59") +
            Post(4, "Same slug").Replace("4-slug", "shared") + Post(5, "Same slug again").Replace("5-slug", "shared") +
            Post(1, "Same id as the first") +
            Post(6, "Binned", status: "trash") + Post(7, "Secret", status: "private") + Post(8, "Later", status: "future", date: "2031-02-03 04:05:06") +
            Post(9, "Stranger").Replace("<dc:creator>ann</dc:creator>", "<dc:creator>nobody</dc:creator>") +
            Post(10, "Serialized", extra: """<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[O:8:"stdClass":1:{s:1:"a";s:1:"b";}]]></wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_evil</wp:meta_key><wp:meta_value><![CDATA[O:8:"stdClass":1:{s:4:"exec";s:2:"id";}]]></wp:meta_value></wp:postmeta>""")));

        Assert.True(report.Completed);
        string NotesOf(string item) => string.Join(" | ", report.Notes.Where(n => n.Item.Contains(item, StringComparison.Ordinal)).Select(n => n.Reason));
        Assert.Contains("not in the export; it is shown at the top level", NotesOf("Comment 11"), StringComparison.Ordinal);
        Assert.Contains("loop", NotesOf("Comment 12") + NotesOf("Comment 13"), StringComparison.Ordinal);
        Assert.Contains("answers itself", NotesOf("Comment 14"), StringComparison.Ordinal);
        Assert.Contains("first counts", NotesOf("Comment 10"), StringComparison.Ordinal);
        Assert.Contains(report.Notes, n => n.Reason.Contains("“note”", StringComparison.Ordinal));
        Assert.Contains("cannot be used", NotesOf("Year zero"), StringComparison.Ordinal);
        Assert.Contains("cannot be used", NotesOf("Year 9999"), StringComparison.Ordinal);
        Assert.Contains("“shared” is taken here; it is “shared-2”", NotesOf("Same slug again"), StringComparison.Ordinal);
        Assert.Contains("same id", NotesOf("Same id as the first"), StringComparison.Ordinal);
        Assert.Contains("trash", NotesOf("Binned"), StringComparison.Ordinal);
        Assert.Contains("private", NotesOf("Secret"), StringComparison.Ordinal);
        Assert.Contains("attributed to you", NotesOf("Stranger"), StringComparison.Ordinal);
        Assert.Contains("featured image", NotesOf("Serialized"), StringComparison.Ordinal);
        Assert.Equal(1, report.Comments.Spam);
        Assert.Equal(1, report.Comments.Trash);
        Assert.Equal(1, report.Comments.Pending);
        Assert.Equal(1, report.Comments.Pingbacks);
        Assert.Equal(5, report.Comments.Approved); // 10, 11, 12, 13, 14

        await using var db = site.Db.NewContext();
        var posts = await db.Posts.AsNoTracking().ToListAsync();
        Assert.Equal(9, posts.Count); // 1–5 and 7–10: the trashed one and the second "1" are not there
        var importedAt = site.Db.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(importedAt, posts.Single(p => p.Title == "Year zero").PublishedAt);
        Assert.Equal(importedAt, posts.Single(p => p.Title == "Year 9999").PublishedAt);
        Assert.Equal(["shared", "shared-2"], posts.Where(p => p.Title.StartsWith("Same slug", StringComparison.Ordinal)).OrderBy(p => p.Id).Select(p => p.Slug));
        Assert.Equal(PostStatus.Draft, posts.Single(p => p.Title == "Secret").Status);
        Assert.Equal(PostStatus.Scheduled, posts.Single(p => p.Title == "Later").Status);
        Assert.Equal(site.AdminId, posts.Single(p => p.Title == "Stranger").AuthorId);
        Assert.Null(posts.Single(p => p.Title == "Serialized").FeaturedImageId);

        var threadId = posts.Single(p => p.Title == "Thread").Id;
        var thread = await db.Comments.AsNoTracking().Where(c => c.PostId == threadId).ToListAsync();
        Assert.Equal(9, thread.Count);
        Assert.All(thread.Where(c => c.AuthorName is "Reader 11" or "Reader 14"), c => Assert.Null(c.ParentId));
        Assert.Single(thread, c => c.AuthorName is "Reader 12" or "Reader 13" && c.ParentId is null);
        Assert.Equal(thread.Single(c => c.AuthorName == "Reader 10").Id, thread.Single(c => c.AuthorName == "Reader 15").ParentId);
        Assert.Equal(CommentKind.Pingback, thread.Single(c => c.AuthorName == "Reader 18").Kind);
        Assert.Equal("192.0.2.10", thread.Single(c => c.AuthorName == "Reader 10").AuthorIp);
        Assert.Equal("reader10@example.org", thread.Single(c => c.AuthorName == "Reader 10").AuthorEmail);
        Assert.Equal("http://reader.example/", thread.Single(c => c.AuthorName == "Reader 10").AuthorUrl);
        Assert.Equal(new DateTime(2019, 5, 5, 10, 10, 0, DateTimeKind.Utc), thread.Single(c => c.AuthorName == "Reader 10").CreatedAt);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Attachments_that_climb_out_of_their_folder_or_leave_the_web_are_not_recorded(DatabaseProvider provider)
    {
        await using var site = await CreateAsync(provider);
        static string Attachment(int id, string url, string file = "2019/05/a.jpg") => Post(id, "File " + id, type: "attachment", status: "inherit",
            extra: $"<wp:attachment_url>{url}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{file}</wp:meta_value></wp:postmeta>");
        var report = await site.ImportAsync(Wxr(
            Attachment(50, "http://old.example/wp-content/uploads/../../../etc/passwd") +
            Attachment(51, "http://old.example/wp-content/uploads/%2e%2e/%2e%2e/secret.jpg") +
            Attachment(52, "http://old.example/wp-content/uploads/2019/05/fine.jpg", "2019/05/..\\..\\x.jpg") +
            Attachment(53, "file:///etc/passwd") +
            Attachment(54, "javascript:alert(1)") +
            Attachment(55, "/wp-content/uploads/2019/05/relative.jpg") +
            Post(60, "Uses a picture", extra: "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>55</wp:meta_value></wp:postmeta>")));

        Assert.Equal(1, report.Attachments);
        Assert.Equal(5, report.Skipped);
        Assert.Equal(3, report.Notes.Count(n => n.Reason.Contains("climbs out", StringComparison.Ordinal)));
        await using var db = site.Db.NewContext();
        var media = Assert.Single(await db.MediaItems.ToListAsync());
        Assert.Equal("http://old.example/wp-content/uploads/2019/05/relative.jpg", media.Url);
        Assert.Equal("image/jpeg", media.ContentType);
        Assert.Null(media.StoragePath);
        Assert.Equal(media.Id, (await db.Posts.SingleAsync()).FeaturedImageId);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Invalid_utf8_is_imported_with_replacement_characters_and_reported(DatabaseProvider provider)
    {
        await using var site = await CreateAsync(provider);
        var bytes = Encoding.UTF8.GetBytes(Wxr(Post(1, "Caf__", content: "Na__ve")));
        for (var n = 0; n < 2; n++)
        {
            var at = IndexOf(bytes, "__"u8);
            bytes[at] = 0xE9; // Latin-1 é in a file that says UTF-8
            bytes[at + 1] = 0xC3; // a UTF-8 lead byte with nothing after it
        }
        var report = await site.ImportAsync(bytes);
        Assert.Equal(1, report.Posts);
        Assert.Contains(report.Notes, n => n.Item == "The file" && n.Reason.Contains("not valid utf-8", StringComparison.Ordinal));
        await using var db = site.Db.NewContext();
        var post = await db.Posts.SingleAsync();
        Assert.Equal("Caf\uFFFD\uFFFD", post.Title);
        Assert.Contains("Na\uFFFD\uFFFDve", post.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Comments_added_on_the_old_site_since_the_last_import_are_added_and_nothing_else(DatabaseProvider provider)
    {
        await using var site = await CreateAsync(provider);
        await site.ImportAsync(Wxr(Post(1, "Talk", extra: Comment(1))));
        var second = await site.ImportAsync(Wxr(Post(1, "Talk (renamed there)", extra: Comment(1) + Comment(2, parent: 1))));
        Assert.Equal(0, second.Posts);
        Assert.Equal(1, second.Comments.Approved);
        await using var db = site.Db.NewContext();
        Assert.Equal("Talk", (await db.Posts.SingleAsync()).Title);
        var replies = await db.Comments.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, replies.Count);
        Assert.Equal(replies[0].Id, replies[1].ParentId);
        Assert.Equal(2, (await db.Posts.SingleAsync()).CommentCount);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_read_twice_from_a_temporary_copy()
    {
        await using var site = await CreateAsync(DatabaseProvider.Sqlite);
        var bytes = Encoding.UTF8.GetBytes(Wxr(Post(1, "Piped")));
        var report = await site.Db.InScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<WordPressImporter>(sp).ImportAsync(new ForwardOnly(bytes), new ImportOptions { ImportingUserId = site.AdminId }));
        Assert.Equal(1, report.Posts);
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> what) => bytes.AsSpan().IndexOf(what);

    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
