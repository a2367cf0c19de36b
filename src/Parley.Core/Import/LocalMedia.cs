using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>
/// The export's attachments whose files were downloaded into the media library, by their old address, so
/// post content that shows them points at the copies here. WordPress puts resized copies in content
/// (<c>photo-300x200.jpg</c>, <c>photo-scaled.jpg</c>) and links to the full file; both count as the
/// attachment. The scheme and query are ignored (old exports mix http and https, WordPress.com adds <c>?w=</c>).
/// </summary>
public sealed partial class LocalMedia
{
    /// <summary>Marks an image whose address is already local, so the Markdown writer does not resolve it against the old site.</summary>
    internal const string Marker = "data-parley-local";

    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    public int Count => _byKey.Count;

    /// <summary>Records that the file at <paramref name="oldUrl"/> is now <paramref name="localUrl"/> (the first one recorded counts).</summary>
    public void Add(string oldUrl, string localUrl)
    {
        if (Key(oldUrl, null) is { } key) _byKey.TryAdd(key, localUrl);
    }

    /// <summary>The local address of the file <paramref name="url"/> (absolute, or relative to <paramref name="site"/>) shows, if it was downloaded.</summary>
    public string? Find(string? url, Uri? site) => Key(url, site) is { } key ? _byKey.GetValueOrDefault(key) : null;

    /// <summary>Points pictures and links to downloaded files at their local copies (before the HTML is written as Markdown).</summary>
    internal void Rewrite(IElement body, Uri? site)
    {
        if (Count == 0) return;
        foreach (var img in body.QuerySelectorAll("img[src]"))
        {
            if (Find(img.GetAttribute("src"), site) is not { } local) continue;
            img.SetAttribute("src", local);
            img.SetAttribute(Marker, "");
            // The old site's resized copies; Parley adds its own srcset when it renders the page.
            img.RemoveAttribute("srcset");
            img.RemoveAttribute("sizes");
        }
        foreach (var a in body.QuerySelectorAll("a[href]"))
            if (Find(a.GetAttribute("href"), site) is { } local) a.SetAttribute("href", local);
    }

    private static string? Key(string? url, Uri? site)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) && (site is null || !Uri.TryCreate(site, url, out uri))) return null;
        if (uri.Scheme is not ("http" or "https")) return null;
        return uri.IdnHost.ToLowerInvariant() + SizeSuffix().Replace(Uri.UnescapeDataString(uri.AbsolutePath), "$1");
    }

    // WordPress's resized copies: name-300x200.jpg, and name-scaled.jpg for large uploads since WordPress 5.3.
    [GeneratedRegex(@"(?:-\d{1,5}x\d{1,5}|-scaled)(\.[A-Za-z0-9]{2,5})$")]
    private static partial Regex SizeSuffix();
}
