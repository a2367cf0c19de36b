using System.Text.RegularExpressions;

namespace Parley.Core.Import;

/// <summary>
/// The block editor stores HTML between comments such as <c>&lt;!-- wp:image {"id":5} --&gt;</c>. The
/// comments go and the HTML inside stays; text outside any block is classic content, which WordPress still
/// runs through its automatic paragraphs. Blocks that WordPress fills in only when a page is shown (latest
/// posts, search, comments, navigation, …) have nothing stored to convert: they are left out and named.
/// </summary>
internal static partial class GutenbergBlocks
{
    public sealed record Segment(string Html, bool Classic);

    public const string DynamicReason = "Blocks that WordPress fills in when the page is shown have no stored content and were left out";

    private static readonly HashSet<string> Dynamic = new(StringComparer.Ordinal)
    {
        "archives", "avatar", "block", "calendar", "categories", "comments", "home-link", "latest-comments", "latest-posts",
        "loginout", "navigation", "page-list", "pattern", "query", "read-more", "rss", "search", "social-links", "tag-cloud",
        "template-part", "term-description", "legacy-widget", "widget-group", "footnotes",
    };

    private static readonly string[] DynamicPrefixes = ["post-", "query-", "comment-", "comments-", "navigation-", "site-", "term-"];

    public static bool HasBlocks(string content) => content.Contains("<!-- wp:", StringComparison.Ordinal);

    public static List<Segment> Split(string content, MarkupNotes notes)
    {
        var segments = new List<Segment>();
        var open = new List<string>();
        var droppedAt = -1;
        var at = 0;
        foreach (Match m in Delimiter().Matches(content))
        {
            Add(content[at..m.Index]);
            at = m.Index + m.Length;
            var name = ShortName(m.Groups["name"].Value);
            if (m.Groups["self"].Success)
            {
                if (droppedAt < 0) notes.Group(DynamicReason, name);
            }
            else if (m.Groups["close"].Success)
            {
                var index = open.LastIndexOf(name);
                if (index < 0) continue;
                open.RemoveRange(index, open.Count - index);
                if (droppedAt >= open.Count) droppedAt = -1;
            }
            else
            {
                if (droppedAt < 0 && IsDynamic(name))
                {
                    droppedAt = open.Count;
                    notes.Group(DynamicReason, name);
                }
                open.Add(name);
            }
        }
        Add(content[at..]);
        return segments;

        void Add(string html)
        {
            if (droppedAt >= 0 || html.Trim().Length == 0) return;
            // Shortcode and classic blocks hold text that WordPress paragraphs; every other block holds finished HTML.
            var classic = open.Count == 0 || open[^1] is "shortcode" or "freeform";
            segments.Add(new Segment(html, classic));
        }
    }

    private static bool IsDynamic(string name) =>
        Dynamic.Contains(name) || DynamicPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary><c>core/image</c> and <c>image</c> are the same block; plugins keep their namespace.</summary>
    private static string ShortName(string name) => name.StartsWith("core/", StringComparison.Ordinal) ? name[5..] : name;

    [GeneratedRegex(@"<!--\s+(?<close>/)?wp:(?<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)(?:\s+\{.*?\})?\s+(?<self>/)?-->", RegexOptions.Singleline)]
    private static partial Regex Delimiter();
}
