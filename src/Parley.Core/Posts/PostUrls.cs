using Parley.Core.Settings;

namespace Parley.Core.Posts;

/// <summary>
/// Where things live on the public site. Posts are dated by their publish time in the site's time
/// zone: <c>/{yyyy}/{mm}/{slug}</c>; pages sit at the root: <c>/{slug}</c>.
/// </summary>
public static class PostUrls
{
    public static string PathFor(PostKind kind, string slug, DateTime? publishedAtUtc, TimeZoneInfo zone)
    {
        if (kind == PostKind.Page) return "/" + slug;
        var local = TimeZoneInfo.ConvertTimeFromUtc(publishedAtUtc ?? DateTime.UtcNow, zone);
        return $"/{local:yyyy}/{local:MM}/{slug}";
    }

    public static string PathFor(Post post, TimeZoneInfo zone) => PathFor(post.Kind, post.Slug, post.PublishedAt, zone);

    public static string Category(string slug) => "/category/" + slug;
    public static string Tag(string slug) => "/tag/" + slug;
    public static string Author(string slug) => "/author/" + slug;
    public static string Month(int year, int month) => $"/{year:D4}/{month:D2}/";
    public static string Year(int year) => $"/{year:D4}/";

    /// <summary>The form old paths are stored in: lower-case, no trailing slash.</summary>
    public static string Normalize(string path) => "/" + path.Trim('/').ToLowerInvariant();
}

public static class SiteTime
{
    /// <summary>The site's time zone, falling back to UTC when the setting names no known zone.</summary>
    public static TimeZoneInfo Zone(SiteSettings settings) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
