using System.Buffers.Binary;

namespace Parley.Core.Media;

/// <summary>
/// An image format the library accepts, recognised by its first bytes. The file's name and the
/// type the browser declared are never trusted: a PNG named <c>photo.jpg</c> is a PNG, and an HTML
/// page named <c>photo.jpg</c> is refused.
/// </summary>
public sealed class MediaFormat
{
    public static readonly MediaFormat Jpeg = new("JPEG", "jpg", "image/jpeg", canAnimate: false);
    public static readonly MediaFormat Png = new("PNG", "png", "image/png", canAnimate: false);
    public static readonly MediaFormat WebP = new("WebP", "webp", "image/webp", canAnimate: true);
    public static readonly MediaFormat Gif = new("GIF", "gif", "image/gif", canAnimate: true);
    public static readonly MediaFormat Avif = new("AVIF", "avif", "image/avif", canAnimate: false);

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, WebP, Gif, Avif];

    /// <summary>Bytes <see cref="Sniff"/> wants to see (fewer work; the AVIF brand list may be cut short).</summary>
    public const int HeadLength = 64;

    private MediaFormat(string name, string extension, string contentType, bool canAnimate)
    {
        Name = name;
        Extension = extension;
        ContentType = contentType;
        CanAnimate = canAnimate;
    }

    public string Name { get; }
    /// <summary>The extension stored files get, without the dot.</summary>
    public string Extension { get; }
    public string ContentType { get; }
    /// <summary>Whether libvips keeps more than one frame of this format (GIF, WebP).</summary>
    public bool CanAnimate { get; }

    public override string ToString() => Name;

    /// <summary>The format the first bytes of a file announce, or null when it is none of ours.</summary>
    public static MediaFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (IsAvif(head)) return Avif;
        return null;
    }

    /// <summary>
    /// An ISO media file (<c>ftyp</c> box first) whose major or compatible brands name AVIF. HEIC
    /// (HEVC inside) is not taken: the bundled libvips cannot be relied on to decode it.
    /// </summary>
    private static bool IsAvif(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12 || !head[4..8].SequenceEqual("ftyp"u8)) return false;
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (boxSize < 16 || boxSize > 4096) return false;
        var end = (int)Math.Min(boxSize, (uint)head.Length);
        for (var at = 8; at + 4 <= end; at += at == 8 ? 8 : 4) // major brand, minor version, then compatible brands
        {
            var brand = head.Slice(at, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8)) return true;
        }
        return false;
    }
}
