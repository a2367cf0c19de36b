namespace Parley.Core.Archive;

/// <summary>
/// The layout of a Parley archive folder: <c>parley-archive.json</c> (the manifest: format, version,
/// one entry per data file with its row count and SHA-256), <c>data/{section}.json</c> (one JSON array
/// of rows per kind of thing) and <c>media/</c> (the media files as stored, listed in <c>data/media-files.json</c>).
/// </summary>
public static class ArchiveFormat
{
    public const string Name = "parley-archive";
    /// <summary>Raise when a change means an older Parley would misread the archive (a removed or renamed column).</summary>
    public const int Version = 1;
    public const string ManifestFile = "parley-archive.json";
    public const string DataFolder = "data";
    public const string MediaFolder = "media";
    public const string MediaManifestSection = "media-files";

    /// <summary>Largest manifest accepted: it lists files, never rows, so a bigger one is not ours.</summary>
    public const long ManifestMaxBytes = 1024 * 1024;

    /// <summary>Owner read/write only: the archive holds password hashes and secrets.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static string DataFile(string section) => $"{DataFolder}/{section}.json";
}

/// <summary>The manifest, <c>parley-archive.json</c>.</summary>
public sealed record ArchiveManifest(string Format, int Version, DateTime ExportedAt, IReadOnlyList<ArchiveFileEntry> Files);

/// <summary>One data file of the archive: which section, where, how many rows, and its SHA-256 (lower-case hex).</summary>
public sealed record ArchiveFileEntry(string Section, string Path, long Rows, long Size, string Sha256);

/// <summary>One media file: its path below <c>media/</c> (and below the site's media folder), size, SHA-256 and type.</summary>
public sealed record MediaFileEntry(string Path, long Size, string Sha256, string ContentType);
