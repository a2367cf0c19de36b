using System.Data;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Parley.Core.Data;

namespace Parley.Core.Archive;

/// <summary>
/// <c>Parley export json DIR</c>: the whole site as a folder of JSON files and media files that
/// <see cref="JsonArchiveImporter"/> restores exactly. Rows are streamed, so memory stays flat on a big site;
/// everything is written to a sibling folder first and renamed into place only when complete.
/// </summary>
public sealed class JsonArchiveExporter(ParleyDbContext db, IArchiveSecrets secrets, TimeProvider clock)
{
    /// <summary>Writes the site, and the files below <paramref name="mediaRoot"/>, as an archive at <paramref name="directory"/>.</summary>
    /// <exception cref="ArchiveException">The target is not an archive folder, or a sealed secret cannot be read; nothing was replaced.</exception>
    public async Task<ArchiveSummary> ExportAsync(string directory, string mediaRoot, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) throw new ArchiveException(ArchiveMessages.NoParent(parent ?? target));
        if (File.Exists(target) || Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, ArchiveFormat.ManifestFile)))
            throw new ArchiveException(ArchiveMessages.TargetNotArchive(target));

        var temp = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            ArchiveFiles.CreateFolder(temp);
            ArchiveFiles.CreateFolder(Path.Combine(temp, ArchiveFormat.DataFolder));
            ArchiveFiles.CreateFolder(Path.Combine(temp, ArchiveFormat.MediaFolder));
            var files = new List<ArchiveFileEntry>();
            var rows = new Dictionary<string, long>();
            // One snapshot for all tables, so a comment written meanwhile never points at a post the archive lacks.
            await using (var snapshot = await BeginSnapshotAsync(ct))
            {
                foreach (var section in ArchiveSections.Included)
                {
                    var entry = await WriteSectionAsync(temp, section, ct);
                    files.Add(entry);
                    rows[section.Name] = entry.Rows;
                }
            }
            var (media, mediaBytes) = await WriteMediaAsync(temp, mediaRoot, ct);
            files.Add(media);

            var manifest = new ArchiveManifest(ArchiveFormat.Name, ArchiveFormat.Version, clock.GetUtcNow().UtcDateTime, files);
            await using (var output = ArchiveFiles.Create(Path.Combine(temp, ArchiveFormat.ManifestFile)))
                await JsonSerializer.SerializeAsync(output, manifest, ArchiveJson.Documents, ct);

            Replace(temp, target);
            return new ArchiveSummary(rows, (int)media.Rows, mediaBytes);
        }
        finally
        {
            ArchiveFiles.TryDelete(temp);
        }
    }

    private async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // Deferred: a read snapshot that never takes the write lock the running site needs.
            await db.Database.OpenConnectionAsync(ct);
            var transaction = sqlite.BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, ct);
            return new Snapshot(db, transaction);
        }
        return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
    }

    /// <summary>Ends a snapshot EF was told to use, and tells EF it is gone.</summary>
    private sealed class Snapshot(ParleyDbContext db, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ArchiveFileEntry> WriteSectionAsync(string temp, ArchiveSection section, CancellationToken ct)
    {
        var type = section.EntityType(db.Model);
        var rows = new ArchiveRows(section, type, secrets);
        var path = ArchiveFormat.DataFile(section.Name);
        var file = Path.Combine(temp, path);
        long count = 0;
        await using (var output = ArchiveFiles.Create(file))
        await using (var json = new Utf8JsonWriter(output, ArchiveJson.Writer))
        {
            json.WriteStartArray();
            await foreach (var entity in ReadAsync(type, section, ct))
            {
                rows.Write(json, entity);
                count++;
                if (json.BytesPending > 64 * 1024) await json.FlushAsync(ct);
            }
            json.WriteEndArray();
        }
        var (size, sha) = await ArchiveFiles.HashAsync(file, ct);
        return new ArchiveFileEntry(section.Name, path, count, size, sha);
    }

    private IAsyncEnumerable<object> ReadAsync(IEntityType type, ArchiveSection section, CancellationToken ct)
    {
        var access = EntityAccess.For(type);
        var key = type.FindPrimaryKey()!.Properties.Select(p => p.Name).ToList();
        var selfReference = type.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType == type);
        if (section.OrderBy is null && selfReference is not null) return ParentsFirstAsync(access, key, selfReference, ct);
        return access.ReadAsync(db, (IReadOnlyList<string>?)section.OrderBy ?? key, ct);
    }

    /// <summary>For small trees without a depth column (categories): loaded whole, parents before children.</summary>
    private async IAsyncEnumerable<object> ParentsFirstAsync(EntityAccess access, IReadOnlyList<string> key, IForeignKey parent,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var all = new List<object>();
        await foreach (var row in access.ReadAsync(db, key, ct)) all.Add(row);
        var id = parent.PrincipalKey.Properties[0].GetGetter();
        var parentId = parent.Properties[0].GetGetter();
        var written = new HashSet<object>();
        while (all.Count > 0)
        {
            var ready = all.Where(r => parentId.GetClrValueUsingContainingEntity(r) is not { } p || written.Contains(p)).ToList();
            // A cycle cannot be written parents-first; write the rest as they are and let the import report it.
            if (ready.Count == 0) ready = all;
            foreach (var row in ready)
            {
                written.Add(id.GetClrValueUsingContainingEntity(row)!);
                yield return row;
            }
            all = all.Except(ready).ToList();
        }
    }

    private async Task<(ArchiveFileEntry Entry, long Bytes)> WriteMediaAsync(string temp, string mediaRoot, CancellationToken ct)
    {
        var path = ArchiveFormat.DataFile(ArchiveFormat.MediaManifestSection);
        var file = Path.Combine(temp, path);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var item in db.MediaItems.AsNoTracking().Where(m => m.StoragePath != null)
                           .Select(m => new { m.StoragePath, m.ContentType }).AsAsyncEnumerable().WithCancellation(ct))
            types.TryAdd(item.StoragePath!, item.ContentType);
        long count = 0, bytes = 0;
        await using (var output = ArchiveFiles.Create(file))
        await using (var json = new Utf8JsonWriter(output, ArchiveJson.Writer))
        {
            json.WriteStartArray();
            foreach (var relative in MediaArchive.Files(mediaRoot))
            {
                var (size, sha) = await MediaArchive.CopyAsync(Path.Combine(mediaRoot, relative),
                    Path.Combine(temp, ArchiveFormat.MediaFolder, relative), ownerOnly: true, ct);
                JsonSerializer.Serialize(json, new MediaFileEntry(relative, size, sha, MediaArchive.ContentType(relative, types)), ArchiveJson.Documents);
                count++;
                bytes += size;
            }
            json.WriteEndArray();
        }
        var (fileSize, fileSha) = await ArchiveFiles.HashAsync(file, ct);
        return (new ArchiveFileEntry(ArchiveFormat.MediaManifestSection, path, count, fileSize, fileSha), bytes);
    }

    /// <summary>The finished archive takes the target's place; a previous archive there is removed only after.</summary>
    private static void Replace(string temp, string target)
    {
        string? old = null;
        if (Directory.Exists(target))
        {
            old = $"{target}.old-{Guid.NewGuid():N}";
            Directory.Move(target, old);
        }
        Directory.Move(temp, target);
        ArchiveFiles.TryDelete(old);
    }
}
