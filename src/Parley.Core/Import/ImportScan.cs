using Parley.Core.Posts;

namespace Parley.Core.Import;

/// <summary>
/// The first reading of an export: everything posts refer to (authors, categories, tags, attachments) and how
/// many items there are. Posts themselves are not kept; the second reading converts and writes them one by one.
/// </summary>
internal sealed class ImportScan
{
    public WxrSite Site { get; private set; } = new(null, null, null, null, null);
    public List<WxrAuthor> Authors { get; } = [];
    public List<WxrCategory> Categories { get; } = [];
    public List<WxrTag> Tags { get; } = [];
    /// <summary>Terms of other taxonomies, counted by taxonomy (reported, not imported).</summary>
    public Dictionary<string, int> OtherTerms { get; } = new(StringComparer.Ordinal);
    public List<ScannedAttachment> Attachments { get; } = [];
    public int Items { get; private set; }
    public List<string> Repairs { get; } = [];
    /// <summary>Why and where reading stopped before the end of the file; null when it was read whole.</summary>
    public WxrFormatException? Stopped { get; private set; }

    /// <summary>
    /// Reads the whole file once. A file that is not an export at all throws; one that breaks off part way is
    /// read up to the break (<see cref="Stopped"/>), and the second reading stops at the same place.
    /// </summary>
    public static ImportScan Read(ImportFile file, CancellationToken ct)
    {
        var scan = new ImportScan();
        using var reader = file.Read();
        try
        {
            foreach (var record in reader.Records())
            {
                ct.ThrowIfCancellationRequested();
                scan.Add(record);
            }
        }
        catch (WxrFormatException e) when (e.Problem is WxrProblem.NotWellFormed or WxrProblem.Truncated && reader.Site.WxrVersion is not null)
        {
            scan.Stopped = e;
        }
        scan.Site = reader.Site;
        scan.Repairs.AddRange(reader.Repairs);
        return scan;
    }

    private void Add(WxrRecord record)
    {
        switch (record)
        {
            case WxrAuthor author: Authors.Add(author); break;
            case WxrCategory category:
                Categories.Add(category);
                _categorySlugs.Add(category.Slug);
                break;
            case WxrTag tag:
                Tags.Add(tag);
                _tagSlugs.Add(tag.Slug);
                break;
            case WxrTerm term: OtherTerms[term.Taxonomy] = OtherTerms.GetValueOrDefault(term.Taxonomy) + 1; break;
            case WxrItem item:
                Items++;
                if (item.PostType == "attachment") Attachments.Add(ScannedAttachment.From(item));
                else if (item.PostType is "post" or "page") AddTerms(item);
                break;
        }
    }

    // Posts may name categories and tags the channel does not declare; they are made with the declared ones.
    private void AddTerms(WxrItem item)
    {
        foreach (var term in item.Terms)
        {
            var slug = term.Slug.Length > 0 ? term.Slug : Slugs.FromText(term.Name);
            if (term.Domain == "category" && _categorySlugs.Add(slug))
                Categories.Add(new WxrCategory(null, slug, null, term.Name, null));
            else if (term.Domain == "post_tag" && _tagSlugs.Add(slug))
                Tags.Add(new WxrTag(null, slug, term.Name, null));
        }
    }

    private readonly HashSet<string> _categorySlugs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tagSlugs = new(StringComparer.Ordinal);

    /// <summary>
    /// How imports of this site are recognised: its address without the scheme (http and https exports of
    /// one blog are the same site), else its title.
    /// </summary>
    public string Source()
    {
        foreach (var candidate in new[] { Site.BaseBlogUrl, Site.Link, Site.BaseSiteUrl })
        {
            if (Uri.TryCreate(candidate?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                var key = (uri.Host + uri.AbsolutePath).TrimEnd('/').ToLowerInvariant();
                return key.Length <= 200 ? key : key[..200];
            }
        }
        var title = string.IsNullOrWhiteSpace(Site.Title) ? "untitled" : Site.Title.Trim();
        return ("wxr:" + title)[..Math.Min(200, title.Length + 4)];
    }

    /// <summary>The old site's address, for making relative addresses in content absolute.</summary>
    public Uri? SiteUri() =>
        new[] { Site.BaseBlogUrl, Site.Link, Site.BaseSiteUrl }
            .Select(c => Uri.TryCreate(c?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null)
            .FirstOrDefault(u => u is not null) is { } site
            ? new Uri(site.AbsoluteUri.EndsWith('/') ? site.AbsoluteUri : site.AbsoluteUri + "/")
            : null;
}

/// <summary>What the import needs of an attachment item (not its content).</summary>
internal sealed record ScannedAttachment(long? Id, long? ParentId, string? Url, string? AttachedFile, string Title, string? Alt, string? Caption,
    string? Date, string? DateGmt, string? Creator, int MenuOrder)
{
    public static ScannedAttachment From(WxrItem item) => new(item.PostId, item.PostParent, item.AttachmentUrl ?? item.Guid, item.MetaValue("_wp_attached_file"),
        item.Title, item.MetaValue("_wp_attachment_image_alt"), item.Excerpt, item.PostDate, item.PostDateGmt, item.Creator, item.MenuOrder);
}
