using NetVips;

namespace Parley.Core.Media;

/// <summary>
/// The work done with libvips: reading a header, re-encoding the original without its metadata, and
/// the resized copies. libvips is lazy: opening a file reads its header only (size, frame count), and
/// pixels are decoded as they are written out, in strips (<c>access: sequential</c>), so memory stays
/// small even for a large photo.
/// </summary>
internal static class MediaImages
{
    /// <summary>What the header says, before any pixel is decoded. <see cref="Height"/> is one frame's.</summary>
    public sealed record Header(int Width, int Height, int Frames, int Orientation);

    public sealed record Result(int Width, int Height, long OriginalBytes, bool Animated, IReadOnlyList<int> VariantWidths);

    // thumbnail() fits a box; a height this tall lets the width alone decide.
    private const int AnyHeight = 10_000_000;

    public static Header ReadHeader(string path, MediaFormat format)
    {
        using var image = Load(path, format, allFrames: false, Enums.Access.Sequential);
        return new Header(image.Width, image.Height, Math.Max(IntField(image, "n-pages"), 1), IntField(image, "orientation"));
    }

    /// <summary>Refuses, with a sentence a person understands, what would cost too much to decode.</summary>
    public static void CheckLimits(Header header, MediaFormat format)
    {
        var (width, height, frames, _) = header;
        if (width > MediaLimits.MaxSide || height > MediaLimits.MaxSide) throw Refused(MediaMessages.SideTooLong(width, height));
        if ((long)width * height > MediaLimits.MaxPixels) throw Refused(MediaMessages.TooManyPixels(width, height));
        // Only GIF and WebP frames are kept; an AVIF's further images are never read.
        if (!format.CanAnimate) return;
        if (frames > MediaLimits.MaxFrames) throw Refused(MediaMessages.TooManyFrames(frames));
        if ((long)width * height * frames > MediaLimits.MaxAnimationPixels) throw Refused(MediaMessages.AnimationTooLarge(width, height, frames));
    }

    /// <summary>
    /// Writes the original (orientation applied, metadata removed), a full-size WebP copy and the
    /// resized copies into <paramref name="files"/>. An animated GIF or WebP stays animated in every copy.
    /// </summary>
    public static Result Write(string source, MediaFormat format, Header header, string folder, string stem, FileBatch files, CancellationToken ct)
    {
        var animated = format.CanAnimate && header.Frames > 1;
        int width, height;
        long originalBytes;

        // Turning a photo (orientation 2–8) reads its rows out of order, which a sequential read cannot
        // do: then the pixels are decoded into memory once (at most MaxPixels × 4 bytes) and serve both saves.
        var random = !animated && header.Orientation > 1;
        var access = random ? Enums.Access.Random : Enums.Access.Sequential;
        using (var original = Prepare(Load(source, format, animated, access), animated))
        {
            width = original.Width;
            height = animated ? original.PageHeight : original.Height;
            var path = files.Write(Path.Combine(folder, MediaFiles.FileName(stem, null, format.Extension)), tmp => Save(original, tmp, format, forOriginal: true));
            originalBytes = new FileInfo(path).Length;
            ct.ThrowIfCancellationRequested();

            if (format != MediaFormat.WebP)
            {
                // A sequential image can be written once, so then the WebP copy reads the file again.
                using var again = random ? null : Prepare(Load(source, format, animated, access), animated);
                var copy = again ?? original;
                files.Write(Path.Combine(folder, MediaFiles.FileName(stem, null, "webp")), tmp => Save(copy, tmp, MediaFormat.WebP, forOriginal: false));
                ct.ThrowIfCancellationRequested();
            }
        }

        var widths = MediaLimits.VariantWidths.Where(w => w < width).OrderDescending().ToList();
        if (widths.Count > 0)
        {
            // The largest copy is decoded from the file once (JPEG shrinks while decoding) and kept in
            // memory; the smaller ones are made from it, each saved in both formats.
            var option = animated ? "[n=-1]" : "";
            using var decoded = Image.Thumbnail(source + option, widths[0], AnyHeight, size: Enums.Size.Down, failOn: Enums.FailOn.Error);
            using var largest = decoded.CopyMemory();
            foreach (var w in widths)
            {
                using var resized = w == widths[0] ? null : largest.ThumbnailImage(w, AnyHeight, size: Enums.Size.Down);
                var image = resized ?? largest;
                files.Write(Path.Combine(folder, MediaFiles.FileName(stem, w, "webp")), tmp => Save(image, tmp, MediaFormat.WebP, forOriginal: false));
                if (format != MediaFormat.WebP)
                    files.Write(Path.Combine(folder, MediaFiles.FileName(stem, w, format.Extension)), tmp => Save(image, tmp, format, forOriginal: false));
                ct.ThrowIfCancellationRequested();
            }
        }
        return new Result(width, height, originalBytes, animated, widths.Order().ToList());
    }

    private static Image Load(string path, MediaFormat format, bool allFrames, Enums.Access access)
    {
        // The loader is chosen from the sniffed format, never by libvips guessing from the content.
        const Enums.FailOn failOn = Enums.FailOn.Error;
        var frames = allFrames ? -1 : 1;
        if (format == MediaFormat.Jpeg) return Image.Jpegload(path, access: access, failOn: failOn);
        if (format == MediaFormat.Png) return Image.Pngload(path, access: access, failOn: failOn);
        if (format == MediaFormat.WebP) return Image.Webpload(path, n: frames, access: access, failOn: failOn);
        if (format == MediaFormat.Gif) return Image.Gifload(path, n: frames, access: access, failOn: failOn);
        if (format == MediaFormat.Avif) return Image.Heifload(path, access: access, failOn: failOn);
        throw new ArgumentOutOfRangeException(nameof(format), format, null);
    }

    private static int IntField(Image image, string name) =>
        image.Contains(name) && image.Get(name) is int value ? value : 1;

    /// <summary>Turns the pixels upright as the camera's orientation tag says (an animation has none).</summary>
    private static Image Prepare(Image image, bool animated)
    {
        if (animated) return image;
        var upright = image.Autorot();
        image.Dispose();
        return upright;
    }

    /// <summary>
    /// Saves without EXIF, XMP or IPTC (where a camera puts the place a photo was taken, the device and
    /// its owner). The colour profile is kept: it holds no personal data, and without it a wide-gamut
    /// phone photo would look washed out.
    /// </summary>
    private static void Save(Image image, string path, MediaFormat format, bool forOriginal)
    {
        const Enums.ForeignKeep keep = Enums.ForeignKeep.Icc;
        if (format == MediaFormat.Jpeg) image.Jpegsave(path, q: forOriginal ? 90 : 82, optimizeCoding: true, keep: keep);
        else if (format == MediaFormat.Png) image.Pngsave(path, compression: 6, keep: keep);
        else if (format == MediaFormat.WebP) image.Webpsave(path, q: forOriginal ? 90 : 80, keep: keep);
        // GIF has no colour profile to keep. Palettes are made anew: frames may have had palettes of their own.
        else if (format == MediaFormat.Gif) image.Gifsave(path, keep: Enums.ForeignKeep.None);
        else if (format == MediaFormat.Avif) image.Heifsave(path, q: forOriginal ? 70 : 55, compression: Enums.ForeignHeifCompression.Av1, keep: keep);
        else throw new ArgumentOutOfRangeException(nameof(format), format, null);
    }

    private static ValidationFailedException Refused(string message) => ValidationFailedException.For("file", message);
}
