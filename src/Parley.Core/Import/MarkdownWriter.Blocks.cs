using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parley.Core.Import;

// Blocks other than paragraphs: headings, quotes, lists, code, figures, players, and what stays HTML.
internal sealed partial class MarkdownWriter
{
    private string Heading(IElement e)
    {
        var text = Breaks(Inline(e.ChildNodes, inLink: false));
        if (text.Length == 0) return "";
        if (comment) return MarkdownText.GuardLineStarts(text);
        // An explicit id is a link target on the old site (#section); Markdown would make a different one.
        if (text.Contains('\n', StringComparison.Ordinal) || e.HasAttribute("id") || Alignment(e) is not null) return RawHtml(e);
        return new string('#', e.LocalName[1] - '0') + " " + text;
    }

    private string Quote(IElement e)
    {
        var blocks = new List<string>();
        var rest = new List<INode>();
        foreach (var child in e.ChildNodes)
        {
            // Block quotes name their source in <cite>; Parley shows a closing "— Source" line as the attribution.
            if (child is IElement { LocalName: "cite" } cite && cite.TextContent.Trim().Length > 0 && child == e.Children.LastOrDefault())
                continue;
            rest.Add(child);
        }
        var wrapper = e.Owner!.CreateElement("div");
        foreach (var node in rest) wrapper.AppendChild(node.Clone());
        blocks.AddRange(Blocks(wrapper));
        if (e.Children.LastOrDefault() is { LocalName: "cite" } source && source.TextContent.Trim().Length > 0)
            blocks.Add("— " + Breaks(Inline(source.ChildNodes, inLink: false)));
        if (blocks.Count == 0) return "";
        return string.Join('\n', string.Join("\n\n", blocks).Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l));
    }

    private string List(IElement e)
    {
        var ordered = e.LocalName == "ol";
        var number = int.TryParse(e.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) && start is >= 0 and < 1_000_000_000 ? start : 1;
        var items = new List<string>();
        foreach (var child in e.Children)
        {
            // A list nested straight inside a list (no <li>) belongs to the item before it.
            if (child.LocalName is "ul" or "ol" && items.Count > 0)
            {
                items[^1] += "\n" + Indent(List(child), items[^1].IndexOf(' ', StringComparison.Ordinal) + 1);
                continue;
            }
            var blocks = Blocks(child);
            if (blocks.Count == 0) continue;
            var marker = ordered ? number++.ToString(CultureInfo.InvariantCulture) + "." : "-";
            var body = new StringBuilder(blocks[0]);
            for (var i = 1; i < blocks.Count; i++)
                body.Append(ListStart().IsMatch(blocks[i]) ? "\n" : "\n\n").Append(blocks[i]);
            items.Add(marker + " " + Indent(body.ToString(), marker.Length + 1).TrimStart());
        }
        return string.Join('\n', items);
    }

    private static string Indent(string text, int width)
    {
        var pad = new string(' ', width);
        return string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : pad + l));
    }

    private string Pre(IElement e)
    {
        // Poetry (the verse block) keeps its lines but is not code.
        if (e.ClassList.Contains("wp-block-verse"))
        {
            var lines = e.TextContent.Trim('\n').Split('\n').Select(l => MarkdownText.Escape(MarkdownText.Collapse(l).Trim()));
            return MarkdownText.GuardLineStarts(string.Join("\\\n", lines));
        }
        var text = e.TextContent.TrimEnd('\n', ' ');
        if (text.Trim().Length == 0) return "";
        var language = e.QuerySelector("code")?.ClassList.FirstOrDefault(c => c.StartsWith("language-", StringComparison.Ordinal))?["language-".Length..] ?? "";
        if (comment) language = "";
        var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
        return fence + language + "\n" + text + "\n" + fence;
    }

    private IEnumerable<string> Figure(IElement e)
    {
        var caption = e.Children.FirstOrDefault(c => c.LocalName == "figcaption");
        var captionText = caption is null ? null : MarkdownText.Collapse(caption.TextContent).Trim();
        if (e.ClassList.Contains("wp-block-embed") || e.QuerySelector(".wp-block-embed__wrapper") is not null)
        {
            var url = MarkdownText.Collapse((e.QuerySelector(".wp-block-embed__wrapper") ?? e).TextContent).Trim().Split(' ')[0];
            return [.. Embed(url), .. CaptionParagraph(caption)];
        }
        var images = e.QuerySelectorAll("img").ToList();
        if (images.Count > 1)
        {
            // A gallery: one figure per picture, each with its own caption; the gallery's caption follows.
            var figures = images.Select(img =>
            {
                var own = img.Closest("figure");
                var ownCaption = own is not null && own != e ? own.Children.FirstOrDefault(c => c.LocalName == "figcaption")?.TextContent : null;
                return Image(img, ownCaption is null ? null : MarkdownText.Collapse(ownCaption).Trim(), img.ParentElement is { LocalName: "a" } a ? a : null);
            }).ToList();
            return [.. figures, .. CaptionParagraph(caption)];
        }
        if (e.QuerySelector("table, blockquote, pre, ul, ol") is not null) return Blocks(e);
        if (e.QuerySelector("video, audio, iframe, object, embed") is { } player) return [.. Media(player), .. CaptionParagraph(caption)];
        if (images.Count == 1)
            return [Image(images[0], captionText, images[0].ParentElement is { LocalName: "a" } a ? a : null)];
        return Blocks(e);
    }

    private IEnumerable<string> CaptionParagraph(IElement? caption) =>
        caption is null ? [] : Paragraph(caption.ChildNodes.ToList(), null);

    /// <summary>A figure: the picture alone in its paragraph, its caption as the title (Parley's figure syntax).</summary>
    private string Image(IElement img, string? caption, IElement? link)
    {
        var src = ImageSource(img);
        if (src is null) return "";
        if (comment) return InlineImage(img);
        var destination = MarkdownText.Destination(src);
        if (destination is null) return "";
        var alt = MarkdownText.Alt(img.GetAttribute("alt") ?? "");
        var title = string.IsNullOrWhiteSpace(caption) ? "" : " " + MarkdownText.Title(caption);
        var image = "![" + alt + "](" + destination + title + ")";
        var href = link?.GetAttribute("href")?.Trim();
        return !string.IsNullOrEmpty(href) && MarkdownText.Destination(href) is { } target ? "[" + image + "](" + target + ")" : image;
    }

    /// <summary>An embedded address: a video becomes Parley's player; anything else is a link on its own line.</summary>
    private IEnumerable<string> Embed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            if (url.Length > 0) notes.Add($"An embed whose address could not be read was left out: {url}");
            return [];
        }
        if (Rendering.VideoEmbed.TryParse(url, out _)) return [url];
        notes.Group("Embeds Parley cannot show were kept as links", uri.Host);
        return [MarkdownText.Destination(url) is { } d ? "<" + d.Trim('<', '>') + ">" : ""];
    }

    private IEnumerable<string> Media(IElement e)
    {
        var src = e.GetAttribute("src") ?? e.GetAttribute("data") ?? e.QuerySelector("source[src]")?.GetAttribute("src");
        if (string.IsNullOrWhiteSpace(src) || !Uri.TryCreate(site ?? new Uri("http://invalid/"), src.Trim(), out var uri) || uri.Scheme is not ("http" or "https"))
        {
            notes.Group("Left out, as Parley's posts cannot hold them", "<" + e.LocalName + ">");
            return [];
        }
        var url = uri.AbsoluteUri;
        if (e.LocalName is "iframe" or "video" && Rendering.VideoEmbed.TryParse(url, out var video) && video is not null)
            return [video.IsFile ? url : video.WatchUrl];
        if (e.LocalName is "object" or "embed")
        {
            notes.Group("Left out, as Parley's posts cannot hold them", "<" + e.LocalName + ">");
            return [];
        }
        notes.Group(e.LocalName == "audio" ? "Audio players became links to the file" : "Embedded frames and players became links", uri.Host);
        var name = Uri.UnescapeDataString(uri.Segments.LastOrDefault()?.Trim('/') ?? "");
        return ["[" + MarkdownText.Escape(name.Length > 0 ? name : uri.Host, keepUrls: false) + "](" + MarkdownText.Destination(url) + ")"];
    }

    /// <summary>
    /// HTML kept as a Markdown HTML block: it must hold no blank line (that would end the block), so blank
    /// lines go, and line breaks inside <c>&lt;pre&gt;</c> are written as character references.
    /// </summary>
    private static string RawHtml(IElement e)
    {
        var copy = (IElement)e.Clone();
        var pres = new List<string>();
        foreach (var pre in copy.QuerySelectorAll("pre").ToList())
        {
            pres.Add(pre.InnerHtml.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "&#10;", StringComparison.Ordinal));
            pre.InnerHtml = "\u0002" + (pres.Count - 1).ToString(CultureInfo.InvariantCulture) + "\u0002";
        }
        var html = BlankLines().Replace(copy.OuterHtml.Replace("\r", "", StringComparison.Ordinal), "\n").Trim();
        html = PrePlaceholder().Replace(html, m => pres[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]);
        return html;
    }

    [GeneratedRegex(@"\n[ \t]*(?:\n[ \t]*)+")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^(?:- |\d+\. )")]
    private static partial Regex ListStart();

    [GeneratedRegex("\u0002(\\d+)\u0002")]
    private static partial Regex PrePlaceholder();
}
