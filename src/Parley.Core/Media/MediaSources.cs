using System.Globalization;

namespace Parley.Core.Media;

/// <summary>
/// <c>srcset</c> and <c>sizes</c> values for the renderer. A theme writes
/// <c>&lt;picture&gt;&lt;source type="image/webp" srcset="@SrcSet(item, true)" sizes="@Sizes(item)"&gt;&lt;img src="@item.Url" srcset="@SrcSet(item, false)" …&gt;&lt;/picture&gt;</c>.
/// </summary>
public static class MediaSources
{
    /// <summary>The content column of the default theme (42rem at 16px); a picture is never shown wider.</summary>
    public const int DefaultSlotWidth = 672;

    /// <summary>
    /// Every copy with its width (<c>/media/…-320.webp 320w, …, /media/….webp 2400w</c>): the resized
    /// copies and the full-size one, in WebP or in the original's format. Empty when asking for WebP of
    /// an item without stored copies; for such an item in its own format, its URL alone.
    /// </summary>
    public static string SrcSet(MediaItem item, bool webp)
    {
        if (item.StoragePath is null) return webp ? "" : item.Url;
        var extension = webp ? "webp" : Path.GetExtension(item.StoragePath).TrimStart('.');
        var parts = item.VariantWidths().Select(w => Candidate(MediaFiles.Url(item, w, extension), w)).ToList();
        var full = webp ? MediaFiles.Url(item, null, "webp") : item.Url;
        parts.Add(item.Width is { } width ? Candidate(full, width) : full);
        return string.Join(", ", parts);
    }

    /// <summary>
    /// The <c>sizes</c> that goes with <see cref="SrcSet"/>: full viewport width on small screens, the
    /// theme's column (or the picture's own width, if narrower) beyond. Null when the item has no
    /// resized copies, since one candidate leaves the browser nothing to choose.
    /// </summary>
    public static string? Sizes(MediaItem item, int slotWidth = DefaultSlotWidth)
    {
        if (item.StoragePath is null || item.VariantWidths().Count == 0) return null;
        var slot = Math.Min(slotWidth, item.Width ?? slotWidth).ToString(CultureInfo.InvariantCulture);
        return $"(max-width: {slot}px) 100vw, {slot}px";
    }

    private static string Candidate(string url, int width) => url + " " + width.ToString(CultureInfo.InvariantCulture) + "w";
}
