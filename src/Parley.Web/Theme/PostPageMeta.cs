using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core.Posts;

namespace Parley.Web.Theme;

/// <summary>Fills a post's or page's head: description, canonical URL, social cards and JSON-LD Article.</summary>
public static class PostPageMeta
{
    // JSON-LD sits inside <script>; escaping '<', '>' and '&' keeps "</script>" in a title harmless.
    private static readonly JsonSerializerOptions JsonLdOptions = new() { Encoder = JavaScriptEncoder.Default };

    public static void Describe(PageMeta meta, SiteContext site, PublicPost post)
    {
        var url = site.Absolute(PostUrls.PathFor(post.Kind, post.Slug, post.PublishedAt, site.Zone));
        meta.Title = post.Title;
        meta.Description = post.Summary;
        meta.Canonical = url;
        meta.OgType = post.Kind == PostKind.Post ? "article" : "website";
        meta.PublishedAt = post.Kind == PostKind.Post ? post.PublishedAt : null;
        meta.ModifiedAt = post.Kind == PostKind.Post ? post.UpdatedAt : null;
        if (post.FeaturedImage is { } image)
        {
            meta.ImageUrl = site.Absolute(image.Url);
            meta.ImageAlt = image.AltText;
        }
        if (post.Kind != PostKind.Post) return;
        var article = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["headline"] = post.Title,
            ["description"] = meta.Description,
            ["datePublished"] = post.PublishedAt.ToString("O"),
            ["dateModified"] = post.UpdatedAt.ToString("O"),
            ["mainEntityOfPage"] = url,
            ["url"] = url,
            ["author"] = new Dictionary<string, object?>
            {
                ["@type"] = "Person",
                ["name"] = post.Author.DisplayName,
                ["url"] = site.Absolute(PostUrls.Author(post.Author.Slug)),
            },
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = site.Settings.Title },
            ["image"] = meta.ImageUrl,
            ["keywords"] = post.Tags.Count > 0 ? string.Join(", ", post.Tags.Select(t => t.Name)) : null,
            ["articleSection"] = post.Categories.FirstOrDefault()?.Name,
        };
        meta.JsonLd = JsonSerializer.Serialize(article.Where(kv => kv.Value is not null).ToDictionary(), JsonLdOptions);
    }
}
