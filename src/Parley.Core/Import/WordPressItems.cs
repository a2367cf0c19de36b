using System.Net;
using AngleSharp.Html.Parser;
using Parley.Core.Posts;

namespace Parley.Core.Import;

/// <summary>How a WordPress item's fields map onto a Parley post, one small rule each.</summary>
internal static class WordPressItems
{
    private static readonly HtmlParser Parser = new();

    public static PostKind? Kind(WxrItem item) => (item.PostType ?? "post") switch
    {
        "post" => PostKind.Post,
        "page" => PostKind.Page,
        _ => null,
    };

    /// <summary>
    /// The Parley status for a WordPress status, or null when the item is not imported, with the reason.
    /// Private and password-protected posts become drafts: Parley has no other way to keep them from readers.
    /// </summary>
    public static (PostStatus? Status, string? Note) Status(WxrItem item)
    {
        var (status, note) = (item.Status ?? "") switch
        {
            "publish" => (PostStatus.Published, (string?)null),
            "future" => (PostStatus.Scheduled, null),
            "draft" => (PostStatus.Draft, null),
            "pending" => (PostStatus.Pending, null),
            "private" => (PostStatus.Draft, "It was private; Parley has no private posts, so it is a draft."),
            "trash" => ((PostStatus?)null, "It was in the trash; it was not imported."),
            "auto-draft" => (null, "It was an automatic draft WordPress keeps while editing; it was not imported."),
            "inherit" => (null, "It is a saved revision of another item; it was not imported."),
            "" => (PostStatus.Draft, "The export gives it no status; it is a draft."),
            var other => (PostStatus.Draft, $"Its status \"{other}\" is not one of WordPress's own; it is a draft."),
        };
        if (status is PostStatus.Published or PostStatus.Scheduled && !string.IsNullOrEmpty(item.PostPassword))
            return (PostStatus.Draft, "It was protected by a password; Parley has no such posts, so it is a draft.");
        return (status, note);
    }

    /// <summary>The title as text: WordPress allows markup and entities in titles; Parley's are plain.</summary>
    public static (string Title, string? Note) Title(WxrItem item)
    {
        var fragment = Parser.ParseDocument("<!doctype html><html><body></body></html>").Body!;
        fragment.InnerHtml = item.Title;
        var text = MarkdownText.Collapse(fragment.TextContent).Trim();
        string? note = fragment.Children.Length > 0 ? "Its title had markup; Parley's titles are plain text." : null;
        if (text.Length == 0) return ("Untitled", "It had no title; it is called \"Untitled\".");
        if (text.Length > 300) return (text[..300].TrimEnd(), "Its title was longer than 300 characters and was cut.");
        return (text, note);
    }

    /// <summary>The hand-written excerpt as plain text (Parley's excerpts are text), at most 2,000 characters.</summary>
    public static (string? Excerpt, string? Note) Excerpt(WxrItem item)
    {
        if (string.IsNullOrWhiteSpace(item.Excerpt)) return (null, null);
        var fragment = Parser.ParseDocument("<!doctype html><html><body></body></html>").Body!;
        fragment.InnerHtml = item.Excerpt;
        var text = MarkdownText.Collapse(fragment.TextContent).Trim();
        if (text.Length == 0) return (null, null);
        return text.Length > 2000 ? (text[..2000].TrimEnd(), "Its excerpt was longer than 2,000 characters and was cut.") : (text, null);
    }

    /// <summary>The slug WordPress used (it percent-encodes non-ASCII ones), or null to make one from the title.</summary>
    public static string? Slug(WxrItem item)
    {
        if (string.IsNullOrWhiteSpace(item.PostName)) return null;
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(item.PostName.Trim());
        }
        catch (UriFormatException)
        {
            decoded = item.PostName.Trim();
        }
        var slug = Slugs.FromText(decoded, "");
        return slug.Length == 0 ? null : slug;
    }

    /// <summary>The id a second import finds the item by: WordPress's post id, else its guid.</summary>
    public static string Key(WxrItem item) =>
        item.PostId is > 0 and var id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : item.Guid is { Length: > 0 } guid ? "guid:" + guid
        : "title:" + item.PostType + ":" + item.PostDate + ":" + item.Title;

    /// <summary>How the report names an item: its kind, its id there and its title.</summary>
    public static string Label(WxrItem item)
    {
        var kind = item.PostType switch { null or "post" => "Post", "page" => "Page", "attachment" => "Attachment", var t => $"Item ({t})" };
        var title = WebUtility.HtmlDecode(item.Title).Trim();
        if (title.Length > 80) title = title[..80] + "…";
        return $"{kind} {(item.PostId is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "without id")}" + (title.Length > 0 ? $" “{title}”" : "");
    }

    /// <summary>The taxonomy's name for the report when posts carry terms Parley does not import.</summary>
    public static bool IsImportedTaxonomy(string domain) => domain is "category" or "post_tag";
}
