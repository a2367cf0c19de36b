using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Archive;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.Web.Tests.Archive;

/// <summary>
/// A small, valid archive made once per test class (a post, a threaded comment, a category, a media file),
/// for tests that damage a copy of it and check that the import refuses it and writes nothing.
/// </summary>
public sealed class SmallArchive : IAsyncLifetime
{
    public string Folder { get; } = TestFolders.Create("archive-source");
    public string Archive => Path.Combine(Folder, "archive");
    public const string MediaPath = "2026/11/0123456789abcdef.png";

    public async ValueTask InitializeAsync()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var author = await db.AddAuthorAsync();
        var media = Path.Combine(Folder, "media");
        Directory.CreateDirectory(Path.Combine(media, "2026", "11"));
        await File.WriteAllBytesAsync(Path.Combine(media, MediaPath), TestImages.Png(40, 30));
        await using (var context = db.NewContext())
        {
            var now = db.Clock.GetUtcNow().UtcDateTime;
            var item = new MediaItem { Url = "/media/" + MediaPath, StoragePath = MediaPath, ContentType = "image/png", SizeBytes = 1, CreatedAt = now };
            var category = new Category { Name = "Notes", Slug = "notes" };
            var post = new Post
            {
                Title = "Kept whole", Slug = "kept-whole", AuthorId = author, Status = PostStatus.Published, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
                BodySource = "Body", BodyHtml = "<p>Body</p>", BodyText = "Body", FeaturedImage = item, Categories = [category],
            };
            context.Add(post);
            await context.SaveChangesAsync();
            var first = new Comment { PostId = post.Id, AuthorName = "A", AvatarKey = "a", BodySource = "First", BodyHtml = "<p>First</p>", Status = CommentStatus.Approved, CreatedAt = now };
            context.Add(first);
            await context.SaveChangesAsync();
            context.Add(new Comment { PostId = post.Id, ParentId = first.Id, Depth = 1, AuthorName = "B", AvatarKey = "b", BodySource = "Reply", BodyHtml = "<p>Reply</p>", Status = CommentStatus.Pending, CreatedAt = now });
            await context.SaveChangesAsync();
        }
        await db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveExporter>().ExportAsync(Archive, media));
    }

    /// <summary>A copy to damage.</summary>
    public string Copy()
    {
        var copy = Path.Combine(Folder, "copy-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Archive, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Archive, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    public ValueTask DisposeAsync()
    {
        TestFolders.Delete(Folder);
        return ValueTask.CompletedTask;
    }

    /// <summary>Edits the manifest as JSON.</summary>
    public static void EditManifest(string archive, Action<JsonObject> edit)
    {
        var path = Path.Combine(archive, "parley-archive.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    public static JsonObject Entry(JsonObject manifest, string section) =>
        manifest["files"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string?)f["section"] == section);

    /// <summary>Rewrites a data file and makes the manifest agree, so the damage is found by reading, not by the hash.</summary>
    public static void RewriteData(string archive, string section, Func<JsonArray, JsonNode> change)
    {
        var path = Path.Combine(archive, "data", section + ".json");
        var text = change(JsonNode.Parse(File.ReadAllText(path))!.AsArray()).ToJsonString();
        WriteData(archive, section, text);
    }

    public static void WriteData(string archive, string section, string text)
    {
        var path = Path.Combine(archive, "data", section + ".json");
        File.WriteAllText(path, text);
        var bytes = File.ReadAllBytes(path);
        EditManifest(archive, m =>
        {
            var entry = Entry(m, section);
            entry["size"] = bytes.Length;
            entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        });
    }

    /// <summary>Imports into a new, empty SQLite site; returns the database (to check what is in it) and the media folder.</summary>
    public static async Task<(TestDatabase Db, string Media)> NewSiteAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var db = await TestDatabase.CreateAsync(provider);
        return (db, Path.Combine(TestFolders.Create("archive-target"), "media"));
    }

    public static async Task<int> CountAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return await context.Posts.CountAsync() + await context.Comments.CountAsync() + await context.Users.CountAsync() + await context.MediaItems.CountAsync();
    }
}
