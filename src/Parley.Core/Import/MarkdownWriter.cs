using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>
/// Writes already-paragraphed WordPress HTML as Parley Markdown, block by block. Where Markdown says the
/// same thing it is used (paragraphs, headings, quotes, lists, code, emphasis, links); a picture alone is a
/// figure (<c>![alt](src "caption")</c> in its own paragraph) and a video address alone on a line becomes
/// Parley's click-to-load player. What Markdown cannot say (tables, aligned paragraphs, definition lists)
/// stays HTML, which Parley's renderer sanitizes. Comments get plain Markdown only: their renderer shows
/// HTML as text.
/// </summary>
internal sealed partial class MarkdownWriter(bool comment, MarkupNotes notes, Uri? site)
{
    private static readonly HashSet<string> Unwrapped = new(StringComparer.Ordinal)
    {
        "div", "section", "article", "aside", "header", "footer", "main", "nav", "center", "hgroup", "address", "li", "dd", "dt",
        "tbody", "thead", "tfoot", "tr", "td", "th", "body", "form", "fieldset", "search",
    };

    private static readonly HashSet<string> BlockNames = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "pre", "hr", "figure", "figcaption", "table", "dl",
        "details", "video", "audio", "iframe", "embed", "object", "script", "style", "noscript", "template", "svg", "math",
        "canvas", "select", "textarea", "button", "input",
    };

    /// <summary>The Markdown for the children of <paramref name="parent"/>, blocks separated by blank lines.</summary>
    public string Write(INode parent) => string.Join("\n\n", Blocks(parent));

    private List<string> Blocks(INode parent)
    {
        var blocks = new List<string>();
        var run = new List<INode>();
        foreach (var child in parent.ChildNodes)
        {
            if (child is IElement element && IsBlock(element))
            {
                Flush();
                blocks.AddRange(Block(element));
            }
            else if (child is IText or IElement) run.Add(child);
        }
        Flush();
        return SeparateLists(blocks.Where(b => b.Length > 0).ToList());

        void Flush()
        {
            if (run.Count > 0) blocks.AddRange(Paragraph(run, null));
            run.Clear();
        }
    }

    /// <summary>
    /// Two lists in a row would run together into one in Markdown; a different marker (<c>*</c>, <c>1)</c>)
    /// keeps the second its own list.
    /// </summary>
    private static List<string> SeparateLists(List<string> blocks)
    {
        for (var i = 1; i < blocks.Count; i++)
        {
            var bullet = blocks[i].StartsWith("- ", StringComparison.Ordinal) && blocks[i - 1].StartsWith("- ", StringComparison.Ordinal);
            var ordered = OrderedStart().IsMatch(blocks[i]) && OrderedStart().IsMatch(blocks[i - 1]);
            if (bullet) blocks[i] = TopBullet().Replace(blocks[i], "* ");
            else if (ordered) blocks[i] = OrderedItem().Replace(blocks[i], "$1) ");
        }
        return blocks;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^- ", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex TopBullet();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+)\. ", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex OrderedItem();

    [System.Text.RegularExpressions.GeneratedRegex(@"\A\d+\. ")]
    private static partial System.Text.RegularExpressions.Regex OrderedStart();

    private static bool IsBlock(IElement e) => BlockNames.Contains(e.LocalName) || Unwrapped.Contains(e.LocalName);

    private IEnumerable<string> Block(IElement e)
    {
        switch (e.LocalName)
        {
            case "p": return Paragraph(e.ChildNodes.ToList(), e);
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6": return [Heading(e)];
            case "blockquote": return [Quote(e)];
            case "ul" or "ol": return [List(e)];
            case "pre": return [Pre(e)];
            case "hr": return [comment ? "" : "---"];
            case "figure": return Figure(e);
            case "figcaption": return Paragraph(e.ChildNodes.ToList(), null);
            case "table" or "dl" or "details": return comment ? Blocks(e) : [RawHtml(e)];
            case "video" or "audio" or "iframe" or "embed" or "object": return Media(e);
            case "script" or "style" or "noscript" or "template" or "canvas" or "select" or "textarea" or "button" or "input":
                notes.Group("Left out, as Parley never runs or shows them", "<" + e.LocalName + ">");
                return [];
            case "svg" or "math":
                notes.Group("Left out, as Parley's posts cannot hold them", "<" + e.LocalName + ">");
                return [];
            default: return Blocks(e);
        }
    }

    private IEnumerable<string> Paragraph(List<INode> nodes, IElement? p)
    {
        // Players and frames cannot sit inside a Markdown paragraph: they split it.
        var media = nodes.FindIndex(n => n is IElement { LocalName: "video" or "audio" or "iframe" or "embed" or "object" or "figure" or "table" });
        if (media >= 0)
        {
            var before = Paragraph(nodes[..media], p);
            var middle = Block((IElement)nodes[media]);
            var after = Paragraph(nodes[(media + 1)..], p);
            return [.. before, .. middle, .. after];
        }
        var meaningful = nodes.Where(n => n is IElement || (n is IText t && !string.IsNullOrWhiteSpace(t.Data))).ToList();
        if (meaningful.Count == 1 && meaningful[0] is IElement only && LoneImage(only) is { } img)
            return [Image(img.Image, null, img.Link)];
        if (VideoLine(meaningful) is { } video) return [video];
        if (!comment && p is not null && Alignment(p) is { } align)
            return [$"<p style=\"text-align: {align}\">" + MarkdownTextHtml.Inner(p) + "</p>"];

        var text = Breaks(Inline(nodes, inLink: false));
        return text.Length == 0 ? [] : [MarkdownText.GuardLineStarts(text)];
    }

    private static (IElement Image, IElement? Link)? LoneImage(IElement e)
    {
        if (e.LocalName == "img") return (e, null);
        if (e.LocalName == "a" && e.Children.Length == 1 && e.Children[0].LocalName == "img" &&
            e.ChildNodes.OfType<IText>().All(t => string.IsNullOrWhiteSpace(t.Data)))
            return (e.Children[0], e);
        return null;
    }

    /// <summary>A paragraph that is only a video address (as text or as a link to itself) stays a bare address.</summary>
    private static string? VideoLine(List<INode> meaningful)
    {
        if (meaningful.Count != 1) return null;
        var url = meaningful[0] switch
        {
            IText t => t.Data.Trim(),
            IElement { LocalName: "a" } a when a.TextContent.Trim() == a.GetAttribute("href")?.Trim() => a.TextContent.Trim(),
            _ => null,
        };
        return url is not null && !url.Contains(' ', StringComparison.Ordinal) && Rendering.VideoEmbed.TryParse(url, out _) ? url : null;
    }

    private static string? Alignment(IElement p)
    {
        var style = p.GetAttribute("style") ?? "";
        foreach (var align in new[] { "center", "right", "justify" })
        {
            if (p.ClassList.Contains("has-text-align-" + align)) return align;
            if (style.Replace(" ", "", StringComparison.Ordinal).Contains("text-align:" + align, StringComparison.OrdinalIgnoreCase)) return align;
        }
        return null;
    }

    /// <summary>Line breaks are written as a marker while building; at the paragraph's edges they mean nothing.</summary>
    internal const char Break = '\u0001';

    private static string Breaks(string text)
    {
        text = text.Trim(' ', Break, '\n');
        return BreakPattern().Replace(text, "\\\n");
    }

    [System.Text.RegularExpressions.GeneratedRegex("[ \u0001]*\u0001[ \u0001]*")]
    private static partial System.Text.RegularExpressions.Regex BreakPattern();
}
