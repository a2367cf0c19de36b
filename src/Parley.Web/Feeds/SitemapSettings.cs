using System.ComponentModel.DataAnnotations;
using Parley.Core.Posts;

namespace Parley.Web.Feeds;

/// <summary><c>Parley:Sitemap</c>: how the sitemap is cut into files.</summary>
public sealed class SitemapSettings
{
    /// <summary>The sitemaps.org protocol's most addresses in one sitemap file (and sitemaps in one index).</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>
    /// Addresses in one part file. WordPress's 2,000: a part is about 250 KB (far under the protocol's 50 MB),
    /// built in milliseconds and kept in the page cache without crowding out pages; 50,000 sitemaps of 2,000
    /// cover 100 million posts. Tests set it small to see several parts on a small site.
    /// </summary>
    [Range(1, MaxUrlsPerFile)] public int UrlsPerFile { get; set; } = 2_000;
}

/// <summary>
/// A run of numbered part files, <c>/sitemap-{Name}-1.xml</c>, <c>-2.xml</c>, …, listing the public items of one kind
/// in <see cref="SitemapQueries"/>' order. The pages' first part starts with the home page (as in WordPress), so
/// that run always has a part 1 and every part, the home page counted, holds at most the limit.
/// </summary>
public sealed record SitemapSection(string Name, PostKind Kind)
{
    public static readonly SitemapSection Posts = new("posts", PostKind.Post);
    public static readonly SitemapSection Pages = new("pages", PostKind.Page);
    public static readonly IReadOnlyList<SitemapSection> All = [Posts, Pages];

    /// <summary>Places taken before the first item: the home page's.</summary>
    public int Leading => Kind == PostKind.Page ? 1 : 0;

    public string PathOf(int part) => $"/sitemap-{Name}-{part}.xml";

    /// <summary>The route of its parts; the number is checked by the handler, so anything else is a 404 there.</summary>
    public string Route => $"/sitemap-{Name}-{{number}}.xml";

    /// <summary>
    /// Which items part <paramref name="part"/> (from 1) lists, as an offset and a count in sitemap order; null when
    /// the offset is past anything a database could hold (a made-up part number).
    /// </summary>
    public (int Skip, int Take)? Slice(int part, int urlsPerFile)
    {
        var first = (long)(part - 1) * urlsPerFile; // the part's first place, the home page being place 0 of the pages
        if (part < 1 || first > int.MaxValue) return null;
        var skip = (int)Math.Max(0, first - Leading);
        return (skip, (int)(first + urlsPerFile - Leading - skip));
    }
}
