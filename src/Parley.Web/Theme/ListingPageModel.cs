using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme;

/// <summary>Base for every page that lists posts: home and the archives. Pages past the end are 404s.</summary>
public abstract class ListingPageModel(PostQueries queries) : ThemePageModel
{
    protected PostQueries Queries => queries;

    public PagedResult<PostSummary> Posts { get; private set; } = new([], 1, 10, 0);
    public string Heading { get; protected set; } = "";
    public string? Intro { get; protected set; }

    protected async Task<IActionResult> ListAsync(PostFilter filter, string canonicalPath)
    {
        if (!TryReadPageNumber(out var page, out var error)) return error!;
        var ct = HttpContext.RequestAborted;
        // The total changes only with posts, and counting reads every matching post: kept per site version.
        var cache = HttpContext.RequestServices.GetRequiredService<ContentVersionCache>();
        var total = await cache.GetAsync("count:" + filter.Key, () => queries.CountAsync(filter, ct));
        Posts = await queries.PageAsync(filter, page, Site.Settings.PostsPerPage, total, ct);
        if (page > Posts.TotalPages) return NotFound();

        if (Meta.Title is null || page > 1) Meta.Title = page > 1 ? $"{Heading} (page {page})" : Heading;
        Meta.Description ??= Intro;
        Meta.Canonical = Site.Absolute(page > 1 ? $"{canonicalPath}?page={page}" : canonicalPath);
        SetLastModified(Site.Settings.LastChange);
        Caching.SharedPage.Of(HttpContext)?.Keep(Posts.Items.Select(p => p.Id)); // each shows its comment count
        return Page();
    }
}
