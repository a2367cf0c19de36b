using System.Text;
using AnyAscii;

namespace Parley.Core.Posts;

/// <summary>
/// Readable URL segments from any title. Non-Latin scripts are transliterated (Cyrillic, Greek,
/// Japanese, Chinese, ...), so a slug is never empty and never a string of percent escapes.
/// </summary>
public static class Slugs
{
    public const int MaxLength = 80;

    /// <summary>Words a page slug may not take, because the site's own routes live there.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "account", "author", "category", "tag", "feed", "search", "media", "page",
        "comments", "sitemap-xml", "robots-txt", "css", "js", "images", "favicon-ico", "health", "login", "logout",
    };

    public static string FromText(string text, string fallback = "untitled")
    {
        var ascii = (text ?? "").Transliterate();
        var sb = new StringBuilder(ascii.Length);
        var pendingDash = false;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && sb.Length > 0) sb.Append('-');
                pendingDash = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'' && c != '’')
            {
                pendingDash = true;
            }
        }
        var slug = Truncate(sb.ToString());
        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary>True for a slug as <see cref="FromText"/> makes them: lower-case ASCII words joined by single dashes.</summary>
    public static bool IsWellFormed(string slug) =>
        slug.Length is > 0 and <= MaxLength && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal) &&
        slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength) return slug;
        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength].TrimEnd('-');
    }
}
