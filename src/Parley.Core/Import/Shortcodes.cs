using System.Net;
using System.Text;
using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>
/// WordPress's shortcodes, converted where Parley has the same thing: <c>[caption]</c> and
/// <c>[gallery]</c> become figures, <c>[embed]</c>, <c>[video]</c> and WordPress.com's
/// <c>[youtube]</c>/<c>[vimeo]</c> become a video address on its own line, <c>[audio]</c> a link to the
/// file. Any other shortcode stays in the text, visible, and is reported; <c>[[name]]</c> is WordPress's
/// way to write a shortcode as text and becomes <c>[name]</c>.
/// </summary>
internal static class Shortcodes
{
    public const string UnknownReason = "Shortcodes Parley does not know were kept as text";

    private static readonly HashSet<string> Enclosing = new(StringComparer.Ordinal) { "caption", "wp_caption", "embed", "video", "audio" };
    private static readonly string[] VideoKeys = ["src", "mp4", "webm", "m4v", "ogv", "mov", "wmv", "flv"];
    private static readonly string[] AudioKeys = ["src", "mp3", "ogg", "m4a", "wav", "wma", "flac"];

    public static string Expand(string text, MarkupContext context, IDocument document, MarkupNotes notes)
    {
        if (!text.Contains('[', StringComparison.Ordinal)) return text;
        var output = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('[', at);
            if (open < 0) break;
            output.Append(text, at, open - at);
            if (open + 1 < text.Length && text[open + 1] == '[' &&
                ShortcodeParser.TryRead(text, open + 1, Enclosing.Contains) is { } escaped &&
                open + 1 + escaped.Length < text.Length && text[open + 1 + escaped.Length] == ']')
            {
                output.Append(text, open + 1, escaped.Length);
                at = open + escaped.Length + 2;
                continue;
            }
            if (ShortcodeParser.TryRead(text, open, Enclosing.Contains) is not { } code)
            {
                output.Append('[');
                at = open + 1;
                continue;
            }
            var replacement = Convert(code, context, document, notes);
            if (replacement is null)
            {
                // Kept as written: only the opening tag is passed over, so a shortcode's content is still read for others.
                var tag = text.IndexOf(']', open) - open + 1;
                output.Append(text, open, tag);
                at = open + tag;
                continue;
            }
            output.Append(replacement);
            at = open + code.Length;
        }
        output.Append(text, at, text.Length - at);
        return output.ToString();
    }

    private static string? Convert(Shortcode code, MarkupContext context, IDocument document, MarkupNotes notes)
    {
        switch (code.Name)
        {
            case "caption" or "wp_caption": return Caption(code, document);
            case "embed": return Line(code.Content?.Trim() ?? code["src"] ?? code["url"]);
            case "video":
                if (VideoKeys.Select(k => code[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } video) return Line(video);
                notes.Add("A [video] shortcode without an address (it plays the post's own attachments) was kept as text.");
                return null;
            case "audio":
                if ((AudioKeys.Select(k => code[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? code.Positional.FirstOrDefault()) is { } audio &&
                    Uri.TryCreate(audio, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    notes.Group("Audio players became links to the file", uri.Host);
                    return Block($"<p><a href=\"{WebUtility.HtmlEncode(uri.AbsoluteUri)}\">{WebUtility.HtmlEncode(Uri.UnescapeDataString(uri.Segments[^1]))}</a></p>");
                }
                notes.Add("An [audio] shortcode without an address (it plays the post's own attachments) was kept as text.");
                return null;
            case "gallery": return Gallery(code, context, document, notes);
            case "youtube": return code.Positional.FirstOrDefault() is { } youtube ? Line(youtube.Split('&')[0]) : Unknown(code, notes);
            case "vimeo":
                var id = code.Positional.FirstOrDefault() ?? code["id"];
                return id is null ? Unknown(code, notes) : Line(id.All(char.IsAsciiDigit) ? "https://vimeo.com/" + id : id);
            default: return Unknown(code, notes);
        }
    }

    private static string? Unknown(Shortcode code, MarkupNotes notes)
    {
        notes.Group(UnknownReason, "[" + code.Name + "]");
        return null;
    }

    /// <summary>An address on a line of its own: the Markdown writer makes it a player, or a link.</summary>
    private static string? Line(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : "\n\n" + WebUtility.HtmlEncode(url.Trim()) + "\n\n";

    private static string Block(string html) => "\n\n" + html + "\n\n";

    /// <summary><c>[caption]&lt;a&gt;&lt;img&gt;&lt;/a&gt; The caption[/caption]</c>, or with the caption in an attribute.</summary>
    private static string? Caption(Shortcode code, IDocument document)
    {
        if (code.Content is null) return null;
        var holder = document.CreateElement("div");
        holder.InnerHtml = code.Content;
        if (holder.QuerySelector("img") is not { } img) return code.Content;
        var picture = img.ParentElement is { LocalName: "a" } link && link.Children.Length == 1 ? link : img;
        picture.Remove();
        var caption = code["caption"] ?? MarkdownText.Collapse(holder.TextContent).Trim();
        return Block(Figure(document, picture, caption));
    }

    private static string? Gallery(Shortcode code, MarkupContext context, IDocument document, MarkupNotes notes)
    {
        var attachments = context.Attachments;
        var ids = (code["ids"] ?? code["include"])?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, out var n) ? n : 0).Where(n => n > 0).ToList();
        List<AttachmentInfo> pictures;
        if (ids is { Count: > 0 })
        {
            pictures = ids.Select(i => attachments?.Find(i)).OfType<AttachmentInfo>().ToList();
            if (pictures.Count < ids.Count) notes.Add($"A gallery names {ids.Count - pictures.Count} picture(s) that are not in the export; they were left out.");
        }
        else
        {
            var exclude = code["exclude"]?.Split(',').Select(s => s.Trim()).ToHashSet() ?? [];
            pictures = context.PostId is { } post && attachments is not null
                ? attachments.Of(post).Where(a => !exclude.Contains(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList()
                : [];
        }
        if (pictures.Count == 0)
        {
            notes.Add("A [gallery] whose pictures are not in the export was kept as text.");
            return null;
        }
        var html = new StringBuilder();
        foreach (var picture in pictures)
        {
            var img = document.CreateElement("img");
            img.SetAttribute("src", picture.Url);
            img.SetAttribute("alt", picture.Alt ?? "");
            html.Append(Block(Figure(document, img, picture.Caption)));
        }
        return html.ToString();
    }

    private static string Figure(IDocument document, IElement picture, string? caption)
    {
        var figure = document.CreateElement("figure");
        figure.AppendChild(picture);
        if (!string.IsNullOrWhiteSpace(caption))
        {
            var figcaption = document.CreateElement("figcaption");
            figcaption.TextContent = caption.Trim();
            figure.AppendChild(figcaption);
        }
        return figure.OuterHtml;
    }
}
