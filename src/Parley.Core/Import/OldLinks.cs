using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Posts;

namespace Parley.Core.Import;

/// <summary>
/// The addresses an imported post had on the old site, in the form <see cref="PathRedirect.Path"/> stores:
/// its permalink's path (<c>/2008/09/hello-world</c>, or <c>/parent/child</c> for a page), and WordPress's
/// own short link, which every WordPress site answers whatever its permalinks (<c>/?p=123</c>,
/// <c>/?page_id=7</c>). The short link keeps its query: see <see cref="LookupKey"/>.
/// </summary>
public static partial class OldLinks
{
    public static IReadOnlyList<string> For(WxrItem item, PostKind kind)
    {
        var paths = new List<string>();
        if (item.Link is { } link && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var path = Uri.UnescapeDataString(uri.AbsolutePath);
            if (path.Trim('/').Length > 0 && !path.EndsWith("/index.php", StringComparison.OrdinalIgnoreCase)) paths.Add(PostUrls.Normalize(path));
            if (LookupKey(path, uri.Query) is { } query) paths.Add(query);
        }
        if (item.PostId is > 0 and var id)
            paths.Add(kind == PostKind.Page ? $"/?page_id={id.ToString(CultureInfo.InvariantCulture)}" : $"/?p={id.ToString(CultureInfo.InvariantCulture)}");
        return paths.Distinct(StringComparer.Ordinal).Where(p => p.Length <= 500).ToList();
    }

    /// <summary>
    /// The stored form of a request for WordPress's short link (<c>/?p=123</c>, <c>/index.php?page_id=7</c>),
    /// or null for any other request. Old-address lookups call this for requests of the site's root, whose
    /// path alone says nothing.
    /// </summary>
    public static string? LookupKey(string path, string? query)
    {
        if (path.Trim('/').Length > 0 && !path.Trim('/').Equals("index.php", StringComparison.OrdinalIgnoreCase)) return null;
        if (string.IsNullOrEmpty(query)) return null;
        var m = ShortLink().Match(query);
        return m.Success ? $"/?{m.Groups["key"].Value.ToLowerInvariant()}={long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture)}" : null;
    }

    [GeneratedRegex(@"(?:^\??|&)(?<key>p|page_id|attachment_id)=(?<id>\d{1,18})(?:&|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ShortLink();
}
