using System.Security.Cryptography;

namespace Parley.Core.Media;

/// <summary>
/// Where a media item's files live. The original is <c>{yyyy}/{MM}/{name}.{ext}</c> below the media
/// folder, with a random 16-hex name (never the uploaded one); beside it a full-size WebP copy
/// <c>{name}.webp</c> (unless the original is WebP) and the resized copies <c>{name}-{width}.webp</c>
/// and <c>{name}-{width}.{ext}</c>.
/// </summary>
public static class MediaFiles
{
    public const string UrlPrefix = "/media/";

    internal static string NewName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    internal static string Folder(DateTime nowUtc) => nowUtc.ToString("yyyy/MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The URL of a file beside the original: <c>/media/2026/11/{name}-768.webp</c>.</summary>
    public static string Url(MediaItem item, int? width, string extension)
    {
        var path = item.StoragePath ?? throw new InvalidOperationException("This media item has no stored files.");
        var slash = path.LastIndexOf('/');
        var folder = slash < 0 ? "" : path[..(slash + 1)];
        return UrlPrefix + folder + FileName(Stem(path), width, extension);
    }

    internal static string FileName(string stem, int? width, string extension) =>
        width is { } w ? $"{stem}-{w}.{extension}" : $"{stem}.{extension}";

    internal static string Stem(string storagePath) => Path.GetFileNameWithoutExtension(storagePath.Replace('\\', '/').Split('/')[^1]);

    /// <summary>
    /// The text a post's Markdown contains when it shows this item or any of its copies: the URL
    /// without its extension (<c>/media/2026/11/{name}</c>), else the URL itself.
    /// </summary>
    internal static string ReferenceText(MediaItem item)
    {
        if (item.StoragePath is null) return item.Url;
        var dot = item.Url.LastIndexOf('.');
        return dot > item.Url.LastIndexOf('/') ? item.Url[..dot] : item.Url;
    }

    /// <summary>The item's files on disk: the original and every copy named after it.</summary>
    internal static IEnumerable<string> OnDisk(MediaItem item, string mediaRoot)
    {
        if (item.StoragePath is null) yield break;
        var root = Path.GetFullPath(mediaRoot);
        var original = Path.GetFullPath(Path.Combine(root, item.StoragePath));
        // The path comes from our own row, but a row is data: never reach outside the media folder.
        if (!original.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) yield break;
        var folder = Path.GetDirectoryName(original)!;
        if (!Directory.Exists(folder)) yield break;
        var stem = Stem(item.StoragePath);
        if (stem.Length == 0) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, stem + "*"))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith(stem + ".", StringComparison.Ordinal) || name.StartsWith(stem + "-", StringComparison.Ordinal)) yield return file;
        }
    }
}
