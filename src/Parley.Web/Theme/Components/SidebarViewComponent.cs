using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Components;

public sealed record SidebarModel(IReadOnlyList<TermCount> Categories, IReadOnlyList<TermCount> Tags, IReadOnlyList<MonthCount> Months);

/// <summary>Categories, tags and monthly archives beside every listing and post.</summary>
public sealed class SidebarViewComponent(PostQueries queries, SiteContext site, ContentVersionCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await cache.GetAsync("sidebar", site, async () =>
    {
        var ct = HttpContext.RequestAborted;
        var categories = await queries.CategoriesAsync(ct);
        var tags = await queries.TagsAsync(30, ct);
        var months = await queries.MonthsAsync(site.Zone, ct);
        return new SidebarModel(categories.Where(c => c.Count > 0).ToList(), tags, months.Take(24).ToList());
    }));
}
