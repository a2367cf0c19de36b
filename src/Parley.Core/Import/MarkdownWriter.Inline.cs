using System.Net;
using System.Text;
using AngleSharp.Dom;

namespace Parley.Core.Import;

// Inline content: text, emphasis, code, links, pictures, line breaks.
internal sealed partial class MarkdownWriter
{
    private static readonly Dictionary<string, string> Markers = new(StringComparer.Ordinal)
    {
        ["strong"] = "**", ["b"] = "**", ["em"] = "*", ["i"] = "*", ["del"] = "~~", ["s"] = "~~", ["strike"] = "~~",
    };

    /// <summary>Kept as HTML in posts (the sanitizer allows them), with only the attributes that carry meaning.</summary>
    private static readonly Dictionary<string, string[]> KeptTags = new(StringComparer.Ordinal)
    {
        ["u"] = [], ["ins"] = [], ["sup"] = [], ["sub"] = [], ["mark"] = [], ["small"] = [], ["abbr"] = ["title"], ["acronym"] = ["title"],
        ["cite"] = [], ["q"] = ["cite"], ["dfn"] = ["title"], ["time"] = ["datetime"], ["kbd"] = [], ["samp"] = [], ["var"] = [],
    };

    private string Inline(IEnumerable<INode> nodes, bool inLink)
    {
        var sb = new StringBuilder();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IText text:
                    sb.Append(MarkdownText.Escape(MarkdownText.Collapse(text.Data), keepUrls: !inLink));
                    break;
                case IElement element:
                    sb.Append(InlineElement(element, inLink));
                    break;
            }
        }
        return sb.ToString();
    }

    private string InlineElement(IElement e, bool inLink)
    {
        var name = e.LocalName;
        if (name == "br") return Break.ToString();
        if (name == "img") return InlineImage(e);
        if (name == "a") return inLink ? Inline(e.ChildNodes, inLink) : Link(e);
        if (name is "code" or "tt") return Code(e, inLink);
        if (Markers.TryGetValue(name, out var marker)) return Emphasis(e, marker, name is "strike" ? "del" : name, inLink);
        if (name is "script" or "style" or "noscript" or "template" or "select" or "textarea" or "button" or "input" or "canvas")
        {
            notes.Group("Left out, as Parley never runs or shows them", "<" + name + ">");
            return "";
        }
        if (name is "svg" or "math" or "iframe" or "object" or "embed" or "video" or "audio")
        {
            // Players inside a line (a link around a frame, say) have no Markdown form; paragraphs split around direct ones.
            notes.Group("Left out, as Parley's posts cannot hold them", "<" + name + ">");
            return "";
        }
        if (!comment && KeptTags.TryGetValue(name, out var attributes))
        {
            var tag = name == "acronym" ? "abbr" : name;
            return OpenTag(tag, e, attributes) + Inline(e.ChildNodes, inLink) + "</" + tag + ">";
        }
        // span, font, label and friends: their styling goes, their text stays.
        return Inline(e.ChildNodes, inLink);
    }

    private string Emphasis(IElement e, string marker, string tag, bool inLink)
    {
        var inner = Inline(e.ChildNodes, inLink);
        var core = inner.Trim(' ');
        if (core.Length == 0) return inner;
        var lead = inner[..(inner.Length - inner.TrimStart(' ').Length)];
        var trail = inner[inner.TrimEnd(' ').Length..];
        // Markdown's emphasis only holds when it starts and ends on a letter or digit; otherwise HTML says it exactly.
        if (char.IsLetterOrDigit(core[0]) && char.IsLetterOrDigit(core[^1]) && !core.Contains(Break))
            return lead + marker + core + marker + trail;
        return comment ? inner : lead + "<" + tag + ">" + core + "</" + tag + ">" + trail;
    }

    private string Code(IElement e, bool inLink)
    {
        var text = e.TextContent;
        if (text.Length == 0) return "";
        var multiline = text.Contains('\n', StringComparison.Ordinal) || e.QuerySelector("br") is not null;
        if (!multiline && text.Trim().Length > 0)
        {
            var longest = LongestRun(text, '`');
            var fence = new string('`', longest + 1);
            var pad = text.StartsWith('`') || text.EndsWith('`') || (text.StartsWith(' ') && text.EndsWith(' ')) ? " " : "";
            return fence + pad + text + pad + fence;
        }
        return comment ? MarkdownText.Escape(MarkdownText.Collapse(text), keepUrls: false) : "<code>" + Inline(e.ChildNodes, inLink) + "</code>";
    }

    private string Link(IElement e)
    {
        var href = e.GetAttribute("href")?.Trim();
        var inner = Inline(e.ChildNodes, inLink: true).Trim(' ');
        if (string.IsNullOrEmpty(href)) return inner;
        if (inner.Replace(Break.ToString(), "", StringComparison.Ordinal).Trim().Length == 0)
            inner = MarkdownText.Escape(href, keepUrls: false);
        var destination = MarkdownText.Destination(href);
        if (destination is null)
            return comment ? inner : "<a href=\"" + WebUtility.HtmlEncode(href) + "\">" + inner + "</a>";
        var title = e.GetAttribute("title") is { Length: > 0 } t && !comment ? " " + MarkdownText.Title(t) : "";
        return "[" + inner + "](" + destination + title + ")";
    }

    private string InlineImage(IElement img)
    {
        var src = ImageSource(img);
        if (src is null) return "";
        var alt = MarkdownText.Alt(img.GetAttribute("alt") ?? "");
        if (comment) return "[" + (alt.Length > 0 ? alt : "image") + "](" + (MarkdownText.Destination(src) ?? "<>") + ")";
        return MarkdownText.Destination(src) is { } d ? "![" + alt + "](" + d + ")" : "";
    }

    /// <summary>The picture's address, made absolute against the old site (media stay where they were, as links).</summary>
    private string? ImageSource(IElement img)
    {
        var src = img.GetAttribute("src")?.Trim();
        if (string.IsNullOrEmpty(src))
        {
            notes.Add("A picture without an address was left out.");
            return null;
        }
        if (img.HasAttribute(LocalMedia.Marker)) return src;
        if (site is not null && !src.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(site, src, out var absolute))
            return absolute.AbsoluteUri;
        return src;
    }

    private static string OpenTag(string tag, IElement e, string[] attributes)
    {
        var sb = new StringBuilder("<").Append(tag);
        foreach (var name in attributes)
            if (e.GetAttribute(name) is { } value)
                sb.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        return sb.Append('>').ToString();
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
