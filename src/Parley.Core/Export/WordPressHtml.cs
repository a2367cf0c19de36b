using System.Globalization;
using AngleSharp.Html.Parser;
using Parley.Core.Rendering;

namespace Parley.Core.Export;

/// <summary>
/// Parley's sanitized HTML in the shapes WordPress itself uses: a figure (an image, or a linked image, alone
/// in its paragraph, with a title) becomes a <c>[caption]</c>, a video link alone on its line a bare URL that
/// WordPress embeds. Parley's importer reads both back the same way.
/// </summary>
public static class WordPressHtml
{
    private static readonly HtmlParser Parser = new();

    public static string From(string plainHtml)
    {
        if (!plainHtml.Contains("<img", StringComparison.Ordinal) && !plainHtml.Contains("<a ", StringComparison.Ordinal)) return plainHtml;
        var doc = Parser.ParseDocument("<!doctype html><html><body></body></html>");
        var body = doc.Body!;
        body.InnerHtml = plainHtml;
        foreach (var p in body.Children.Where(e => e.LocalName == "p").ToList())
        {
            if (p.Children.Length != 1 || p.TextContent.Trim().Length > 0 && p.FirstElementChild!.LocalName == "img") continue;
            var only = p.FirstElementChild!;
            // A linked picture (a link around the image alone) keeps its link inside the caption, as WordPress writes it.
            var picture = only.LocalName == "img" ? only
                : only.LocalName == "a" && only.Children.Length == 1 && only.FirstElementChild!.LocalName == "img" && p.TextContent.Trim().Length == 0 ? only.FirstElementChild : null;
            if (picture?.GetAttribute("title") is { Length: > 0 } caption)
            {
                picture.RemoveAttribute("title");
                p.OuterHtml = $"<p>[caption id=\"\" align=\"alignnone\"]{only.OuterHtml} {System.Net.WebUtility.HtmlEncode(caption)}[/caption]</p>";
            }
            else if (only.LocalName == "a" && only.GetAttribute("href") is { } href && only.TextContent.Trim() == href && p.TextContent.Trim() == href
                     && VideoEmbed.TryParse(href, out _))
            {
                p.OuterHtml = "\n" + System.Net.WebUtility.HtmlEncode(href) + "\n";
            }
        }
        return body.InnerHtml;
    }
}
