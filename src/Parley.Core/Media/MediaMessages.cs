using System.Globalization;

namespace Parley.Core.Media;

/// <summary>Every sentence the media library says to a person, kept together.</summary>
public static class MediaMessages
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public const string Empty = "This file is empty.";
    public const string NotAnImage = "This is not a JPEG, PNG, WebP, GIF or AVIF image.";
    public const string Unreadable = "This image could not be read; the file may be damaged or cut short.";

    public static string TooLarge(long? bytes) => bytes is { } size
        ? $"This file is {Megabytes(size)}; the limit is {Megabytes(MediaLimits.MaxBytes)}."
        : $"This file is over {Megabytes(MediaLimits.MaxBytes)}; the limit is {Megabytes(MediaLimits.MaxBytes)}.";

    public static string SideTooLong(int width, int height) =>
        string.Format(En, "This image is {0:N0} × {1:N0} pixels; the limit is {2:N0} pixels on a side.", width, height, MediaLimits.MaxSide);

    public static string TooManyPixels(int width, int height) =>
        string.Format(En, "This image is {0:N0} × {1:N0} pixels ({2:N0} megapixels); the limit is {3:N0} megapixels.",
            width, height, Math.Ceiling(width * (double)height / 1_000_000), MediaLimits.MaxPixels / 1_000_000);

    public static string TooManyFrames(int frames) =>
        string.Format(En, "This animation has {0:N0} frames; the limit is {1:N0}.", frames, MediaLimits.MaxFrames);

    public static string AnimationTooLarge(int width, int height, int frames) =>
        string.Format(En, "This animation has {0:N0} frames of {1:N0} × {2:N0} pixels, too much to resize; make it smaller or shorter.",
            frames, width, height);

    public static string AltTextTooLong(int length) =>
        string.Format(En, "The alternative text is {0:N0} characters long; the limit is {1:N0}.", length, MediaLimits.AltText);

    public static string CaptionTooLong(int length) =>
        string.Format(En, "The caption is {0:N0} characters long; the limit is {1:N0}.", length, MediaLimits.Caption);

    public static string InUse(IReadOnlyList<(int PostId, string Title)> posts) =>
        (posts.Count == 1 ? "This image is used by the post " : $"This image is used by {posts.Count} posts: ")
        + string.Join(", ", posts.Take(5).Select(p => $"“{p.Title}”"))
        + (posts.Count > 5 ? $" and {posts.Count - 5} more" : "")
        + ". Remove it from there first, or delete it anyway.";

    /// <summary>"200 MB", "20.1 MB": rounded up, so a file just over the limit never reads as the limit itself.</summary>
    internal static string Megabytes(long bytes)
    {
        var mb = bytes / (1024.0 * 1024);
        if (mb >= 100) return Math.Ceiling(mb).ToString("N0", En) + " MB";
        var tenths = Math.Ceiling(mb * 10) / 10;
        return (tenths == Math.Floor(tenths) ? tenths.ToString("0", En) : tenths.ToString("0.0", En)) + " MB";
    }
}
