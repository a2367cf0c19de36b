using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Parley.Core.Archive;

/// <summary>
/// The media folder's files in and out of an archive: copied as stored, each with its size and SHA-256,
/// and on the way in checked against that list before anything is kept.
/// </summary>
internal static partial class MediaArchive
{
    /// <summary>Files below the media folder, '/'-separated, in ordinal order; upload spools and hidden files are not the site's.</summary>
    public static IEnumerable<string> Files(string mediaRoot)
    {
        if (!Directory.Exists(mediaRoot)) return [];
        var root = Path.GetFullPath(mediaRoot);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.EndsWith(".upload", StringComparison.Ordinal) && !p.Split('/').Any(s => s.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// A manifest path is data from outside: only plain names joined by '/', nothing that climbs out
    /// (<c>..</c>), starts at the root, or means something special to a file system.
    /// </summary>
    public static bool IsSafe(string path) =>
        path.Length is > 0 and <= 300 && path.Split('/').All(segment => SafeSegment().IsMatch(segment) && segment is not ("." or ".."));

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeSegment();

    /// <summary>Copies a file (into an archive: owner-only) and returns the SHA-256 of what was copied.</summary>
    public static async Task<(long Size, string Sha256)> CopyAsync(string source, string target, bool ownerOnly, CancellationToken ct)
    {
        if (ownerOnly) ArchiveFiles.CreateFolder(Path.GetDirectoryName(target)!);
        else Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        await using var output = ownerOnly ? ArchiveFiles.Create(target) : new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Content type for the manifest: the library's own for an original, else from the extension.</summary>
    public static string ContentType(string path, IReadOnlyDictionary<string, string> byStoragePath) =>
        byStoragePath.TryGetValue(path, out var type) ? type : Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".avif" => "image/avif",
            ".svg" => "image/svg+xml",
            ".pdf" => "application/pdf",
            _ => "application/octet-stream",
        };
}
