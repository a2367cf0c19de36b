using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Core.Rendering;

/// <summary>
/// Adds Parley's own markup to already-sanitized HTML: figures with captions, quotes with an
/// attribution line, click-to-load video, lazy images, heading anchors and scrollable tables.
/// Everything it writes is built through the DOM, so text is always encoded.
/// </summary>
public static class ContentEnhancer
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] AttributionDashes = ["—", "–", "―", "~"];

    public static RenderedContent Enhance(string safeHtml)
    {
        var doc = Parser.ParseDocument("<!doctype html><html><body></body></html>");
        var body = doc.Body!;
        body.InnerHtml = safeHtml;
        // Plain text is taken before enhancing, so search never sees "Play video" labels or anchor marks.
        var text = NormalizeWhitespace(body.TextContent);

        foreach (var p in body.QuerySelectorAll("p").ToList())
        {
            if (TryMakeFigure(doc, p)) continue;
            TryMakeVideo(doc, p);
        }
        foreach (var quote in body.QuerySelectorAll("blockquote").ToList())
            TryAttributeQuote(doc, quote);
        foreach (var img in body.QuerySelectorAll("img"))
        {
            img.SetAttribute("loading", "lazy");
            img.SetAttribute("decoding", "async");
            if (!img.HasAttribute("alt")) img.SetAttribute("alt", "");
        }
        foreach (var heading in body.QuerySelectorAll("h2[id], h3[id], h4[id]"))
        {
            var anchor = doc.CreateElement("a");
            anchor.ClassName = "heading-anchor";
            anchor.SetAttribute("href", "#" + heading.Id);
            anchor.SetAttribute("aria-label", "Link to this section: " + heading.TextContent.Trim());
            anchor.TextContent = "#";
            heading.AppendChild(anchor);
        }
        foreach (var table in body.QuerySelectorAll("table").ToList())
        {
            var wrap = doc.CreateElement("div");
            wrap.ClassName = "table-wrap";
            table.Replace(wrap);
            wrap.AppendChild(table);
        }

        return new RenderedContent(body.InnerHtml, text);
    }

    /// <summary>An image alone in its paragraph becomes a figure; its title becomes the caption.</summary>
    private static bool TryMakeFigure(IDocument doc, IElement p)
    {
        if (p.Children.Length != 1 || HasOwnText(p)) return false;
        var only = p.Children[0];
        var img = only.LocalName == "img" ? only
            : only.LocalName == "a" && only.Children.Length == 1 && only.Children[0].LocalName == "img" && !HasOwnText(only) ? only.Children[0]
            : null;
        if (img is null) return false;

        var figure = doc.CreateElement("figure");
        p.Replace(figure);
        figure.AppendChild(only);
        var caption = img.GetAttribute("title");
        if (!string.IsNullOrWhiteSpace(caption))
        {
            img.RemoveAttribute("title");
            var figcaption = doc.CreateElement("figcaption");
            figcaption.TextContent = caption.Trim();
            figure.AppendChild(figcaption);
        }
        return true;
    }

    /// <summary>A bare link to a known video host, alone in its paragraph, becomes a click-to-load player.</summary>
    private static void TryMakeVideo(IDocument doc, IElement p)
    {
        if (p.Children.Length != 1 || HasOwnText(p) || p.Children[0] is not { LocalName: "a" } link) return;
        var href = link.GetAttribute("href") ?? "";
        if (link.TextContent.Trim() != href || !VideoEmbed.TryParse(href, out var video) || video is null) return;

        var figure = doc.CreateElement("figure");
        figure.ClassName = "video-embed";
        if (video.IsFile)
        {
            var player = doc.CreateElement("video");
            player.SetAttribute("controls", "");
            player.SetAttribute("preload", "none");
            player.SetAttribute("src", video.EmbedUrl);
            var fallback = doc.CreateElement("a");
            fallback.SetAttribute("href", video.WatchUrl);
            fallback.TextContent = "Download the video";
            player.AppendChild(fallback);
            figure.AppendChild(player);
        }
        else
        {
            figure.SetAttribute("data-embed-src", video.EmbedUrl);
            figure.SetAttribute("data-embed-provider", video.Provider);
            var placeholder = doc.CreateElement("a");
            placeholder.ClassName = "video-embed__placeholder";
            placeholder.SetAttribute("href", video.WatchUrl);
            var icon = doc.CreateElement("span");
            icon.ClassName = "video-embed__play";
            icon.SetAttribute("aria-hidden", "true");
            icon.TextContent = "▶";
            var label = doc.CreateElement("span");
            label.ClassName = "video-embed__label";
            label.TextContent = $"Play video from {video.Provider}";
            var notice = doc.CreateElement("small");
            notice.ClassName = "video-embed__notice";
            notice.TextContent = $"Loads content from {new Uri(video.EmbedUrl).Host} when you click.";
            placeholder.Append(icon, label, notice);
            figure.AppendChild(placeholder);
        }
        p.Replace(figure);
    }

    /// <summary>
    /// A quote whose last paragraph starts with a dash ("— Name, Source") gets that line as its
    /// attribution: <c>&lt;figure class="quote"&gt;&lt;blockquote/&gt;&lt;figcaption/&gt;&lt;/figure&gt;</c>.
    /// </summary>
    private static void TryAttributeQuote(IDocument doc, IElement quote)
    {
        if (quote.ParentElement?.ClassName == "quote") return;
        if (quote.Children.Length < 2 || quote.Children[^1] is not { LocalName: "p" } last) return;
        var text = last.TextContent.TrimStart();
        var dash = AttributionDashes.FirstOrDefault(d => text.StartsWith(d, StringComparison.Ordinal));
        if (dash is null) return;

        // Drop the dash itself from the first text node; keep links and emphasis in the rest.
        if (last.FirstChild is IText first)
        {
            var trimmed = first.Data.TrimStart();
            first.Data = trimmed.StartsWith(dash, StringComparison.Ordinal) ? trimmed[dash.Length..].TrimStart() : trimmed;
        }
        var figure = doc.CreateElement("figure");
        figure.ClassName = "quote";
        quote.Replace(figure);
        figure.AppendChild(quote);
        var caption = doc.CreateElement("figcaption");
        caption.ClassName = "quote__attribution";
        caption.AppendChild(doc.CreateTextNode("— "));
        var cite = doc.CreateElement("cite");
        while (last.FirstChild is { } child) cite.AppendChild(child);
        caption.AppendChild(cite);
        last.Remove();
        figure.AppendChild(caption);
    }

    private static bool HasOwnText(IElement element) =>
        element.ChildNodes.OfType<IText>().Any(t => !string.IsNullOrWhiteSpace(t.Data));

    private static string NormalizeWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
