namespace Parley.Web.Theme;

/// <summary>What a page tells the layout for its &lt;head&gt;: title, description, canonical address, social cards, JSON-LD.</summary>
public sealed class PageMeta
{
    /// <summary>The page's own title; the layout appends the site title.</summary>
    public string? Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Absolute canonical URL.</summary>
    public string? Canonical { get; set; }
    /// <summary>OpenGraph type: <c>website</c> or <c>article</c>.</summary>
    public string OgType { get; set; } = "website";
    public string? ImageUrl { get; set; }
    public string? ImageAlt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? ModifiedAt { get; set; }
    /// <summary>Serialized JSON-LD object, already safe to place inside a script element.</summary>
    public string? JsonLd { get; set; }
    public bool NoIndex { get; set; }
    /// <summary>Extra feed links for this page (category or tag feeds), beside the site's own.</summary>
    public List<(string Title, string Href, string Type)> Feeds { get; } = [];
}
