using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Core.Import;

/// <summary>Markdown made from WordPress content, with what could not be carried over fully.</summary>
public sealed record MarkupResult(string Markdown, IReadOnlyList<string> Notes);

/// <summary>
/// What a post's content may refer to: its own id and the export's attachments (for galleries), the old site (for
/// relative picture addresses), and the attachments downloaded here (pictures and links to them point at the copies).
/// </summary>
public sealed record MarkupContext(long? PostId = null, AttachmentIndex? Attachments = null, Uri? Site = null, LocalMedia? Local = null);

/// <summary>
/// Converts WordPress post and comment content to Parley's Markdown, in the order WordPress itself builds a
/// page: block-editor comments are removed (their HTML kept), shortcodes are expanded, classic text gets its
/// automatic paragraphs, and the HTML is then written as Markdown (see <see cref="MarkdownWriter"/>). The
/// result is Markdown Parley's renderer turns back into the same page: figures for pictures with captions,
/// players for video addresses on their own line, and HTML that the sanitizer keeps where Markdown has no words.
/// </summary>
public static partial class WordPressMarkup
{
    private static readonly HtmlParser Parser = new();
    private const string ClassicMark = "parley-classic";

    public static MarkupResult ToMarkdown(string content, MarkupContext? context = null)
    {
        context ??= new MarkupContext();
        var notes = new MarkupNotes();
        var text = Newlines(content);
        if (text.Contains("<!--nextpage-->", StringComparison.Ordinal))
            notes.Add("The post was split into pages with <!--nextpage-->; Parley shows it as one page.");
        var segments = GutenbergBlocks.HasBlocks(text) ? GutenbergBlocks.Split(text, notes) : [new GutenbergBlocks.Segment(text, true)];

        var document = Parser.ParseDocument("<!doctype html><html><body></body></html>");
        var body = document.Body!;
        // The segments are parsed as one document, because a block's HTML may open in one segment and close
        // in another (a list around its items, a quote around its paragraphs). Classic text is marked, so only
        // it gets automatic paragraphs.
        var html = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            var expanded = Shortcodes.Expand(segment.Html, context, document, notes);
            if (segment.Classic) html.Append('<').Append(ClassicMark).Append('>').Append(EmbedLines(expanded, notes)).Append("</").Append(ClassicMark).Append('>');
            else html.Append(expanded);
        }
        body.InnerHtml = html.ToString();
        foreach (var classic in body.QuerySelectorAll(ClassicMark).ToList())
        {
            AutoParagraphs.Apply(classic);
            while (classic.FirstChild is { } child) classic.Parent!.InsertBefore(child, classic);
            classic.Remove();
        }
        context.Local?.Rewrite(body, context.Site);
        var markdown = new MarkdownWriter(comment: false, notes, context.Site).Write(body).Trim();
        return new MarkupResult(markdown.Length == 0 ? "" : markdown + "\n", notes.ToList());
    }

    /// <summary>
    /// A comment: WordPress paragraphs it too, but runs no shortcodes. The Markdown uses only what Parley's
    /// comment renderer reads (emphasis, links, quotes, lists, code); other markup keeps its text.
    /// </summary>
    public static MarkupResult CommentToMarkdown(string content)
    {
        var notes = new MarkupNotes();
        var document = Parser.ParseDocument("<!doctype html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = Newlines(content);
        AutoParagraphs.Apply(body);
        var markdown = new MarkdownWriter(comment: true, notes, null).Write(body).Trim();
        return new MarkupResult(markdown, notes.ToList());
    }

    private static string Newlines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>
    /// WordPress turns an address alone on a line into an embed. Such a line becomes a paragraph of its own,
    /// which the Markdown writer makes a player (video) or leaves a link (others, reported by host).
    /// </summary>
    private static string EmbedLines(string html, MarkupNotes notes) =>
        UrlLine().Replace(html, m =>
        {
            var url = m.Groups["url"].Value;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return m.Value;
            if (Rendering.VideoEmbed.TryParse(url, out _)) return "\n\n" + url + "\n\n";
            if (!EmbedHosts.Any(h => uri.Host == h || uri.Host.EndsWith("." + h, StringComparison.Ordinal))) return m.Value;
            notes.Group("Embeds Parley cannot show were kept as links", uri.Host);
            return "\n\n" + url + "\n\n";
        });

    // Hosts WordPress embeds from a bare address (its oEmbed providers) whose embeds Parley shows as links.
    private static readonly string[] EmbedHosts =
    [
        "twitter.com", "x.com", "instagram.com", "facebook.com", "flickr.com", "soundcloud.com", "spotify.com", "wordpress.tv",
        "tiktok.com", "tumblr.com", "reddit.com", "imgur.com", "slideshare.net", "speakerdeck.com", "ted.com", "mixcloud.com",
        "dailymotion.com", "kickstarter.com", "pinterest.com", "scribd.com", "issuu.com", "bsky.app", "smugmug.com", "cloudup.com",
    ];

    [GeneratedRegex(@"^[ \t]*(?<url>https?://[^\s<>""]+)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex UrlLine();
}
