namespace Parley.Core.Media;

/// <summary>A file in the media library, referenced by posts (featured image, figures).</summary>
public class MediaItem
{
    public int Id { get; set; }
    /// <summary>Public URL path of the original, e.g. <c>/media/2026/11/abc123.jpg</c>.</summary>
    public required string Url { get; set; }
    public required string ContentType { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public long SizeBytes { get; set; }
    public string AltText { get; set; } = "";
    public string? Caption { get; set; }
    public DateTime CreatedAt { get; set; }
}
