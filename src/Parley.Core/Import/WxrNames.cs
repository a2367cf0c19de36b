namespace Parley.Core.Import;

/// <summary>
/// The namespaces of a WordPress export, recognised by URI and never by prefix: a file may bind <c>wp:</c>
/// to anything, and bind any prefix to WordPress's namespace. WordPress.com writes https where
/// WordPress writes http; both are accepted, for every 1.x version.
/// </summary>
internal static class WxrNames
{
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary><c>http(s)://wordpress.org/export/1.x/</c></summary>
    public static bool IsWordPress(string uri) => Matches(uri, "");

    /// <summary><c>http(s)://wordpress.org/export/1.x/excerpt/</c></summary>
    public static bool IsExcerpt(string uri) => Matches(uri, "excerpt/");

    private static bool Matches(string uri, string tail)
    {
        var rest = uri.StartsWith("http://wordpress.org/export/1.", StringComparison.Ordinal) ? uri.AsSpan(30)
            : uri.StartsWith("https://wordpress.org/export/1.", StringComparison.Ordinal) ? uri.AsSpan(31)
            : default;
        if (rest.IsEmpty) return false;
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
        return digits > 0 && rest[digits..].SequenceEqual("/" + tail);
    }
}
