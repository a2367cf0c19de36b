using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Archive;

/// <summary>
/// <c>Parley import json DIR</c>: restores an archive into a new site with every id as it was, so links,
/// threads and sign-ins carry on. Everything is checked first (manifest, hashes, media paths); then all
/// rows go in one transaction, and the media folder is put in place only after it commits.
/// </summary>
public sealed class JsonArchiveImporter(ParleyDbContext db, IArchiveSecrets secrets)
{
    private const int Batch = 500;

    /// <summary>Restores the archive in <paramref name="directory"/>; media files go to <paramref name="mediaRoot"/> (<c>ParleyOptions.MediaPath</c>).</summary>
    /// <exception cref="ArchiveException">The archive is damaged, unknown or newer, or the site is not empty; nothing was written.</exception>
    public async Task<ArchiveSummary> ImportAsync(string directory, string mediaRoot, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(directory);
        if (!Directory.Exists(source)) throw new ArchiveException(ArchiveMessages.NoFolder(source));
        var files = await ArchiveManifestReader.ReadAsync(source, ct);
        await EnsureEmptySiteAsync(mediaRoot, ct);
        foreach (var entry in files.Values) await VerifyAsync(source, entry, ct);

        var staging = $"{Path.GetFullPath(mediaRoot).TrimEnd(Path.DirectorySeparatorChar)}.import-{Guid.NewGuid():N}";
        try
        {
            var (mediaFiles, mediaBytes) = await StageMediaAsync(source, files[ArchiveFormat.MediaManifestSection], staging, ct);
            var rows = await WriteRowsAsync(source, files, ct);
            PlaceMedia(staging, mediaRoot);
            return new ArchiveSummary(rows, mediaFiles, mediaBytes);
        }
        finally
        {
            ArchiveFiles.TryDelete(staging);
        }
    }

    /// <summary>
    /// Only what first start makes may be there (the administrator, roles, settings): ids are kept, so
    /// they would collide with anything else, and merging two sites is not what a restore is for.
    /// </summary>
    private async Task EnsureEmptySiteAsync(string mediaRoot, CancellationToken ct)
    {
        var found = new List<string>();
        void Count(int n, string what) { if (n > 0) found.Add($"{n} {what}"); }
        Count(await db.Posts.CountAsync(ct), "posts and pages");
        Count(await db.Comments.CountAsync(ct), "comments");
        Count(await db.Categories.CountAsync(ct), "categories");
        Count(await db.Tags.CountAsync(ct), "tags");
        Count(await db.MediaItems.CountAsync(ct), "media items");
        var accounts = await db.Users.CountAsync(ct);
        if (accounts > 1) found.Add($"{accounts} accounts");
        if (found.Count > 0) throw new ArchiveException(ArchiveMessages.NotEmpty(string.Join(", ", found)));
        if (MediaArchive.Files(mediaRoot).Any()) throw new ArchiveException(ArchiveMessages.MediaNotEmpty(mediaRoot));
    }

    private static async Task VerifyAsync(string source, ArchiveFileEntry entry, CancellationToken ct)
    {
        var file = Path.Combine(source, entry.Path);
        if (!File.Exists(file)) throw new ArchiveException(ArchiveMessages.Missing(entry.Path));
        var (size, sha) = await ArchiveFiles.HashAsync(file, ct);
        if (size != entry.Size || !string.Equals(sha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ArchiveException(ArchiveMessages.Changed(entry.Path));
    }

    /// <summary>Copies the listed media files beside the media folder, checking each one's size and hash on the way.</summary>
    private static async Task<(int Files, long Bytes)> StageMediaAsync(string source, ArchiveFileEntry list, string staging, CancellationToken ct)
    {
        var mediaSource = Path.Combine(source, ArchiveFormat.MediaFolder);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long bytes = 0;
        var count = await ArchiveManifestReader.ForEachRowAsync(source, list, async (row, number) =>
        {
            MediaFileEntry? entry;
            try { entry = row.Deserialize<MediaFileEntry>(ArchiveManifestReader.Strict); }
            catch (JsonException) { entry = null; }
            if (entry is null) throw new ArchiveException(ArchiveMessages.BadRow(list.Section, number, "not a media file entry"));
            if (!MediaArchive.IsSafe(entry.Path)) throw new ArchiveException(ArchiveMessages.UnsafeMediaPath(entry.Path));
            if (!seen.Add(entry.Path)) throw new ArchiveException(ArchiveMessages.DuplicateMedia(entry.Path));
            var file = Path.Combine(mediaSource, entry.Path);
            var info = new FileInfo(file);
            // A link would copy whatever it points at on this machine into the public media folder.
            if (!info.Exists || info.LinkTarget is not null) throw new ArchiveException(ArchiveMessages.Missing($"media/{entry.Path}"));
            if (info.Length != entry.Size) throw new ArchiveException(ArchiveMessages.Changed($"media/{entry.Path}"));
            var (size, sha) = await MediaArchive.CopyAsync(file, Path.Combine(staging, entry.Path), ownerOnly: false, ct);
            if (size != entry.Size || !string.Equals(sha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new ArchiveException(ArchiveMessages.Changed($"media/{entry.Path}"));
            bytes += size;
        }, ct);
        return ((int)count, bytes);
    }

    private async Task<Dictionary<string, long>> WriteRowsAsync(string source, IReadOnlyDictionary<string, ArchiveFileEntry> files, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // What first start made (administrator, roles, settings) gives way to the archive's own.
        foreach (var section in ArchiveSections.Included.Reverse())
            await EntityAccess.For(section.EntityType(db.Model)).DeleteAllAsync(db, ct);
        foreach (var section in ArchiveSections.Included)
        {
            var type = section.EntityType(db.Model);
            var rows = new ArchiveRows(section, type, secrets);
            var access = EntityAccess.For(type);
            var entry = files[section.Name];
            var pending = 0;
            counts[section.Name] = await ArchiveManifestReader.ForEachRowAsync(source, entry, async (row, number) =>
            {
                access.Add(db, rows.Read(row, number));
                if (++pending == Batch)
                {
                    await SaveAsync(section, ct);
                    pending = 0;
                }
            }, ct);
            await SaveAsync(section, ct);
        }
        await ArchiveSequences.ResetAsync(db, ct);
        await transaction.CommitAsync(ct);
        return counts;
    }

    private async Task SaveAsync(ArchiveSection section, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            var reason = (ex.InnerException ?? ex).Message.Split('\n')[0].Trim();
            throw new ArchiveException(ArchiveMessages.Refused(section.Name, reason), ex);
        }
        // Rows already written need not be tracked: memory stays flat however big the site.
        db.ChangeTracker.Clear();
    }

    /// <summary>The media folder was empty (checked above), so the staged one simply takes its place.</summary>
    private static void PlaceMedia(string staging, string mediaRoot)
    {
        if (!Directory.Exists(staging)) return;
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
        Directory.Move(staging, mediaRoot);
    }
}
