namespace Parley.Core.Media;

/// <summary>A file in the media library, referenced by posts (featured image, figures).</summary>
public class MediaItem
{
    public int Id { get; set; }
    /// <summary>Public URL path of the original, e.g. <c>/media/2026/11/abc123.jpg</c>.</summary>
    public required string Url { get; set; }
    public required string ContentType { get; set; }
    /// <summary>Pixels, after the camera's orientation was applied (for an animation: one frame).</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>Size of the stored original (re-encoded without metadata), not of the upload.</summary>
    public long SizeBytes { get; set; }
    public string AltText { get; set; } = "";
    public string? Caption { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Path of the original below the media folder, with '/' separators (<c>2026/11/0123456789abcdef.jpg</c>).
    /// Null for items that are not files of the library (the demo content's pictures under /images).
    /// The resized copies sit beside it (see <see cref="MediaFiles"/>).
    /// </summary>
    public string? StoragePath { get; set; }
    /// <summary>Widths of the resized copies, smallest first, comma-separated (<c>320,768,1280</c>); empty when none.</summary>
    public string Variants { get; set; } = "";
    /// <summary>Whether the item is an animation (GIF or WebP with more than one frame).</summary>
    public bool Animated { get; set; }
    public string? UploadedById { get; set; }
    /// <summary>The uploaded file's name, cleaned for display only; never used as a path.</summary>
    public string? OriginalFileName { get; set; }

    /// <summary>The widths of the resized copies, smallest first.</summary>
    public IReadOnlyList<int> VariantWidths() =>
        Variants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => int.TryParse(w, out var n) ? n : 0).Where(n => n > 0).Order().ToList();
}
