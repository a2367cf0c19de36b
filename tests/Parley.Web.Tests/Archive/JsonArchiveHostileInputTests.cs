using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Archive;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Archive;

/// <summary>
/// A damaged or hostile archive is refused with one clear line, and nothing of it is written:
/// no rows, no media files.
/// </summary>
public sealed class JsonArchiveHostileInputTests(SmallArchive source) : IClassFixture<SmallArchive>
{
    [Fact]
    public async Task The_undamaged_archive_imports_so_each_refusal_below_is_the_damage()
    {
        var (db, media) = await SmallArchive.NewSiteAsync();
        await using (db)
        {
            var summary = await db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveImporter>().ImportAsync(source.Copy(), media));
            Assert.Equal(1, summary["posts"]);
            Assert.Equal(2, summary["comments"]);
            Assert.Equal(1, summary.MediaFiles);
            Assert.True(File.Exists(Path.Combine(media, SmallArchive.MediaPath)));
            TestFolders.Delete(Path.GetDirectoryName(media));
        }
    }

    /// <summary>PostgreSQL's identity sequences do not follow explicit ids by themselves; the import moves them.</summary>
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task After_a_restore_new_rows_get_ids_after_the_restored_ones(DatabaseProvider provider)
    {
        var (db, media) = await SmallArchive.NewSiteAsync(provider);
        await using (db)
        {
            await db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveImporter>().ImportAsync(source.Copy(), media));
            await using var context = db.NewContext();
            var post = await context.Posts.SingleAsync(TestContext.Current.CancellationToken);
            var comment = new Parley.Core.Comments.Comment
            {
                PostId = post.Id, AuthorName = "New", AvatarKey = "n", BodySource = "New", BodyHtml = "<p>New</p>", CreatedAt = DateTime.UtcNow,
            };
            context.Add(comment);
            context.Add(new Parley.Core.Posts.Category { Name = "Later", Slug = "later" });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.Equal(3, comment.Id);
            Assert.Equal(2, await context.Categories.MaxAsync(c => c.Id, TestContext.Current.CancellationToken));
            TestFolders.Delete(Path.GetDirectoryName(media));
        }
    }

    [Fact]
    public Task A_missing_folder_is_refused() =>
        RefusedAsync(archive => Directory.Delete(archive, recursive: true), "There is no folder");

    [Fact]
    public async Task A_file_instead_of_a_folder_is_refused()
    {
        var file = Path.Combine(source.Folder, "not-a-folder.json");
        await File.WriteAllTextAsync(file, "{}", TestContext.Current.CancellationToken);
        await RefusedAsync(_ => { }, "not-a-folder.json is a file; give the archive's folder.", file);
    }

    [Fact]
    public Task A_folder_without_a_manifest_is_refused() =>
        RefusedAsync(archive => File.Delete(Path.Combine(archive, "parley-archive.json")), "is not a Parley archive: it has no parley-archive.json");

    [Fact]
    public Task Another_format_is_refused() =>
        RefusedAsync(archive => SmallArchive.EditManifest(archive, m => m["format"] = "ghost-export"), "is not a Parley archive");

    [Fact]
    public Task A_newer_version_is_refused() =>
        RefusedAsync(archive => SmallArchive.EditManifest(archive, m => m["version"] = 99), "format version 99; this Parley reads version 1");

    [Fact]
    public Task A_malformed_manifest_is_refused() =>
        RefusedAsync(archive => File.WriteAllText(Path.Combine(archive, "parley-archive.json"), "{\"format\": \"parley-archive\", \"version\": 1, \"files\": [ {"),
            "parley-archive.json is not valid JSON");

    [Fact]
    public Task A_manifest_with_an_empty_file_entry_is_refused() =>
        RefusedAsync(archive => SmallArchive.EditManifest(archive, m => m["files"]!.AsArray().Add(null)), "lists a file without a section");

    [Fact]
    public Task A_manifest_missing_a_section_is_refused() =>
        RefusedAsync(archive => SmallArchive.EditManifest(archive, m => m["files"]!.AsArray().Remove(SmallArchive.Entry(m, "comments"))),
            "has no 'comments' section");

    [Fact]
    public Task A_manifest_pointing_outside_the_archive_is_refused() =>
        RefusedAsync(archive => SmallArchive.EditManifest(archive, m => SmallArchive.Entry(m, "posts")["path"] = "../../etc/passwd"),
            "places section 'posts' at '../../etc/passwd'");

    [Fact]
    public Task A_truncated_data_file_is_refused() =>
        RefusedAsync(archive =>
        {
            var file = Path.Combine(archive, "data", "comments.json");
            File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]);
        }, "data/comments.json does not match the manifest");

    [Fact]
    public Task Malformed_json_in_a_data_file_is_refused_even_when_the_manifest_agrees() =>
        RefusedAsync(archive => SmallArchive.WriteData(archive, "comments", "[{\"Id\": 1,"), "data/comments.json is not valid JSON");

    [Fact]
    public Task A_row_count_that_differs_from_the_manifest_is_refused() =>
        RefusedAsync(archive => SmallArchive.RewriteData(archive, "comments", rows => { rows.RemoveAt(1); return rows; }), "has 1 rows but the manifest says 2");

    [Fact]
    public Task An_oversize_value_is_refused() =>
        RefusedAsync(archive => SmallArchive.RewriteData(archive, "posts", rows => { rows[0]!["Title"] = new string('x', 10_000); return rows; }),
            "data/posts.json, row 1: 'Title' is longer than 300 characters");

    [Fact]
    public Task An_unknown_field_is_refused() =>
        RefusedAsync(archive => SmallArchive.RewriteData(archive, "posts", rows => { rows[0]!["IsEvil"] = true; return rows; }), "unknown field 'IsEvil'");

    [Fact]
    public Task A_value_of_the_wrong_kind_is_refused() =>
        RefusedAsync(archive => SmallArchive.RewriteData(archive, "comments", rows => { rows[0]!["Status"] = "Glowing"; return rows; }), "'Status' is not a valid CommentStatus");

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("/etc/passwd")]
    [InlineData("2026/../../outside.png")]
    [InlineData("2026\\11\\x.png")]
    public Task A_media_path_that_leaves_the_media_folder_is_refused(string path) =>
        RefusedAsync(archive => SmallArchive.RewriteData(archive, "media-files", rows => { rows[0]!["path"] = path; return rows; }), $"names '{path}', which is not a plain relative path");

    [Fact]
    public Task A_missing_media_file_is_refused() =>
        RefusedAsync(archive => File.Delete(Path.Combine(archive, "media", SmallArchive.MediaPath)), $"media/{SmallArchive.MediaPath} is missing");

    [Fact]
    public Task A_media_file_with_another_hash_is_refused() =>
        RefusedAsync(archive =>
        {
            var file = Path.Combine(archive, "media", SmallArchive.MediaPath);
            var bytes = File.ReadAllBytes(file);
            bytes[^1] ^= 0xFF;
            File.WriteAllBytes(file, bytes);
        }, $"media/{SmallArchive.MediaPath} does not match the manifest");

    /// <summary>The database's own refusal (a reply whose parent is not there) comes after rows went in: the transaction takes them back.</summary>
    [Theory]
    [ClassData(typeof(BothProviders))]
    public Task A_row_the_database_refuses_leaves_nothing_behind(DatabaseProvider provider) =>
        RefusedAsync(archive => SmallArchive.RewriteData(archive, "comments", rows => { rows[1]!["ParentId"] = 999; return rows; }),
            "data/comments.json could not be written back; the database refused it", provider: provider);

    [Fact]
    public async Task A_site_with_content_is_not_overwritten()
    {
        var (db, media) = await SmallArchive.NewSiteAsync();
        await using (db)
        {
            await db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveImporter>().ImportAsync(source.Copy(), media));
            var again = await Assert.ThrowsAsync<ArchiveException>(() => db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveImporter>().ImportAsync(source.Copy(), media)));
            Assert.StartsWith("This site is not empty (1 posts and pages, 2 comments, 1 categories, 1 media items)", again.Message);
            TestFolders.Delete(Path.GetDirectoryName(media));
        }
    }

    private async Task RefusedAsync(Action<string> damage, string expected, string? path = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var archive = source.Copy();
        damage(archive);
        var (db, media) = await SmallArchive.NewSiteAsync(provider);
        await using (db)
        {
            var refused = await Assert.ThrowsAsync<ArchiveException>(() =>
                db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveImporter>().ImportAsync(path ?? archive, media)));
            Assert.Contains(expected, refused.Message);
            Assert.DoesNotContain('\n', refused.Message);
            Assert.Equal(0, await SmallArchive.CountAsync(db));
            Assert.False(Directory.Exists(media) && Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Any(), "no media file was written");
            Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(media)!));
            TestFolders.Delete(Path.GetDirectoryName(media));
        }
    }
}
