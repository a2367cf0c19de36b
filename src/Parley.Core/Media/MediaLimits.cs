namespace Parley.Core.Media;

/// <summary>
/// What the media library accepts. The limits keep one upload from taking the server's memory or
/// time: they are checked on the file's size and on the image header, before any pixel is decoded.
/// </summary>
public static class MediaLimits
{
    /// <summary>Largest upload, in bytes (20 MB).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;
    /// <summary>Largest picture (one frame), in pixels: 50 megapixels, more than any phone camera.</summary>
    public const long MaxPixels = 50_000_000;
    /// <summary>Longest side, in pixels; a 20,000 × 2 strip would pass the pixel count but is no picture.</summary>
    public const int MaxSide = 20_000;
    /// <summary>Most frames in an animation (GIF or WebP).</summary>
    public const int MaxFrames = 500;
    /// <summary>Most pixels in all frames of an animation together; its resized copies hold every frame.</summary>
    public const long MaxAnimationPixels = 200_000_000;
    /// <summary>Widths of the resized copies; only those narrower than the original are made.</summary>
    public static readonly IReadOnlyList<int> VariantWidths = [320, 768, 1280, 1920];
    public const int AltText = 500;
    public const int Caption = 2000;
    public const int OriginalFileName = 200;
}
