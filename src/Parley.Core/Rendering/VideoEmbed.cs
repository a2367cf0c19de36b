using System.Text.RegularExpressions;

namespace Parley.Core.Rendering;

/// <summary>
/// A video a post links to on a line of its own. Parley shows a placeholder and only asks the video
/// host for anything after the reader clicks, so reading a post tells no third party about it.
/// </summary>
public sealed partial record VideoEmbed(string Provider, string WatchUrl, string EmbedUrl, bool IsFile)
{
    public static bool TryParse(string url, out VideoEmbed? embed)
    {
        embed = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            return false;
        var host = uri.IdnHost.ToLowerInvariant();
        var https = "https://";

        if (host is "youtu.be" || IsDomainOrSub(host, "youtube.com") || IsDomainOrSub(host, "youtube-nocookie.com"))
        {
            var id = host == "youtu.be" ? uri.AbsolutePath.Trim('/') : YouTubeId(uri);
            if (id is null || !YouTubeIdPattern().IsMatch(id)) return false;
            embed = new("YouTube", $"https://www.youtube.com/watch?v={id}",
                $"https://www.youtube-nocookie.com/embed/{id}?autoplay=1", false);
            return true;
        }
        if (host is "vimeo.com" or "www.vimeo.com" or "player.vimeo.com")
        {
            var m = VimeoPathPattern().Match(uri.AbsolutePath);
            if (!m.Success) return false;
            var id = m.Groups["id"].Value;
            embed = new("Vimeo", $"https://vimeo.com/{id}", $"https://player.vimeo.com/video/{id}?autoplay=1&dnt=1", false);
            return true;
        }
        // PeerTube instances live on any host; their watch URLs have a recognisable shape.
        var peertube = PeerTubePathPattern().Match(uri.AbsolutePath);
        if (peertube.Success && uri.Scheme == "https")
        {
            var id = peertube.Groups["id"].Value;
            var origin = https + uri.Authority;
            embed = new("PeerTube", origin + uri.AbsolutePath, $"{origin}/videos/embed/{id}?autoplay=1", false);
            return true;
        }
        if (uri.AbsolutePath.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) ||
            uri.AbsolutePath.EndsWith(".webm", StringComparison.OrdinalIgnoreCase))
        {
            embed = new("Video file", uri.AbsoluteUri, uri.AbsoluteUri, true);
            return true;
        }
        return false;
    }

    private static bool IsDomainOrSub(string host, string domain) =>
        host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);

    private static string? YouTubeId(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (path == "/watch")
        {
            foreach (var part in uri.Query.TrimStart('?').Split('&'))
                if (part.StartsWith("v=", StringComparison.Ordinal)) return Uri.UnescapeDataString(part[2..]);
            return null;
        }
        foreach (var prefix in new[] { "/embed/", "/shorts/", "/live/", "/v/" })
            if (path.StartsWith(prefix, StringComparison.Ordinal)) return path[prefix.Length..].Trim('/');
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeIdPattern();

    [GeneratedRegex(@"^/(?:video/)?(?<id>\d{5,12})/?$")]
    private static partial Regex VimeoPathPattern();

    [GeneratedRegex(@"^/(?:w|videos/watch|videos/embed)/(?<id>[A-Za-z0-9-]{6,40})/?$")]
    private static partial Regex PeerTubePathPattern();
}
