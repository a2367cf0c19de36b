using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Media;

/// <summary>
/// Turns each image of the media library in a post's HTML into a <c>&lt;picture&gt;</c> with WebP and
/// resized copies (<c>srcset</c>, <c>sizes</c>) and its width and height, so phones load small files and
/// the page does not jump. Runs when a post is saved (after sanitizing; the values come from the library).
/// </summary>
public sealed class ResponsiveImages(ParleyDbContext db)
{
    private static readonly HtmlParser Parser = new();

    public async Task<string> ApplyAsync(string html, CancellationToken ct = default)
    {
        if (!html.Contains("/media/", StringComparison.Ordinal)) return html;
        var doc = Parser.ParseDocument("<!doctype html><html><body></body></html>");
        var body = doc.Body!;
        body.InnerHtml = html;
        var images = body.QuerySelectorAll("img[src^='/media/']").Where(i => i.ParentElement?.LocalName != "picture").ToList();
        var urls = images.Select(i => i.GetAttribute("src")!).Distinct().ToList();
        if (urls.Count == 0) return html;
        var items = await db.MediaItems.AsNoTracking().Where(m => urls.Contains(m.Url) && m.StoragePath != null).ToDictionaryAsync(m => m.Url, ct);
        foreach (var img in images)
        {
            if (!items.TryGetValue(img.GetAttribute("src")!, out var item)) continue;
            if (item.Width is { } w && item.Height is { } h)
            {
                img.SetAttribute("width", w.ToString(System.Globalization.CultureInfo.InvariantCulture));
                img.SetAttribute("height", h.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (string.IsNullOrEmpty(img.GetAttribute("alt")) && item.AltText.Length > 0) img.SetAttribute("alt", item.AltText);
            var sizes = MediaSources.Sizes(item);
            img.SetAttribute("srcset", MediaSources.SrcSet(item, webp: false));
            if (sizes is not null) img.SetAttribute("sizes", sizes);
            var picture = doc.CreateElement("picture");
            var source = doc.CreateElement("source");
            source.SetAttribute("type", "image/webp");
            source.SetAttribute("srcset", MediaSources.SrcSet(item, webp: true));
            if (sizes is not null) source.SetAttribute("sizes", sizes);
            img.Replace(picture);
            picture.AppendChild(source);
            picture.AppendChild(img);
        }
        return body.InnerHtml;
    }
}
