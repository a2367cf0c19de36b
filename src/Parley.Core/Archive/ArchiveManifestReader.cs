using System.Text.Json;

namespace Parley.Core.Archive;

/// <summary>Reads <c>parley-archive.json</c> and the data files it lists, refusing anything that is not a whole, known archive.</summary>
internal static class ArchiveManifestReader
{
    /// <summary>The manifest must say everything: a missing or null field is damage, not a default.</summary>
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true,
    };

    /// <summary>The data files by section, checked against the sections this Parley knows.</summary>
    public static async Task<IReadOnlyDictionary<string, ArchiveFileEntry>> ReadAsync(string source, CancellationToken ct)
    {
        var path = Path.Combine(source, ArchiveFormat.ManifestFile);
        if (!File.Exists(path)) throw new ArchiveException(ArchiveMessages.NoManifest(source));
        if (new FileInfo(path).Length > ArchiveFormat.ManifestMaxBytes) throw new ArchiveException(ArchiveMessages.TooLarge(ArchiveFormat.ManifestFile));
        ArchiveManifest manifest;
        await using (var stream = File.OpenRead(path))
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
                // Format and version first: a newer archive may differ in anything else.
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                    || format.GetString() != ArchiveFormat.Name)
                    throw new ArchiveException(ArchiveMessages.NotAnArchive(source));
                if (!root.TryGetProperty("version", out var versionValue) || !versionValue.TryGetInt32(out var version))
                    throw new ArchiveException(ArchiveMessages.BadVersion(0));
                if (version > ArchiveFormat.Version) throw new ArchiveException(ArchiveMessages.Newer(version));
                if (version < 1) throw new ArchiveException(ArchiveMessages.BadVersion(version));
                manifest = root.Deserialize<ArchiveManifest>(Strict) ?? throw new JsonException("empty");
            }
            catch (JsonException ex)
            {
                throw new ArchiveException(ArchiveMessages.BadJson(ArchiveFormat.ManifestFile, ex), ex);
            }
        }

        var files = new Dictionary<string, ArchiveFileEntry>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            // Nullable annotations are not checked inside lists: a null entry gets here as null.
            if (entry is null || entry.Section is null || entry.Path is null || entry.Sha256 is null) throw new ArchiveException(ArchiveMessages.BadEntry);
            if (entry.Section != ArchiveFormat.MediaManifestSection && ArchiveSections.Find(entry.Section) is null)
                throw new ArchiveException(ArchiveMessages.UnknownSection(entry.Section));
            // The path is fixed by the section's name, so a manifest can never point outside the archive.
            if (entry.Path != ArchiveFormat.DataFile(entry.Section)) throw new ArchiveException(ArchiveMessages.BadDataPath(entry.Section, entry.Path));
            if (entry.Rows < 0 || entry.Size < 0 || !files.TryAdd(entry.Section, entry)) throw new ArchiveException(ArchiveMessages.BadEntry);
        }
        foreach (var name in ArchiveSections.Included.Select(s => s.Name).Append(ArchiveFormat.MediaManifestSection))
            if (!files.ContainsKey(name)) throw new ArchiveException(ArchiveMessages.MissingSection(name));
        return files;
    }

    /// <summary>Streams the rows of one data file (a JSON array), so a big file is never held whole; returns how many.</summary>
    public static async Task<long> ForEachRowAsync(string source, ArchiveFileEntry entry, Func<JsonElement, long, Task> handle, CancellationToken ct)
    {
        long number = 0;
        await using var stream = File.OpenRead(Path.Combine(source, entry.Path));
        try
        {
            await foreach (var row in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct))
                await handle(row, ++number);
        }
        catch (JsonException ex)
        {
            throw new ArchiveException(ArchiveMessages.BadJson(entry.Path, ex), ex);
        }
        if (number != entry.Rows) throw new ArchiveException(ArchiveMessages.RowCount(entry.Section, entry.Rows, number));
        return number;
    }
}
