using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Components;

public sealed record SidebarModel(IReadOnlyList<TermCount> Categories, IReadOnlyList<TermCount> Tags, IReadOnlyList<MonthCount> Months);

/// <summary>Search, categories, tags and monthly archives beside every listing and post.</summary>
public sealed class SidebarViewComponent(PostQueries queries, SiteContext site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var categories = await queries.CategoriesAsync(ct);
        var tags = await queries.TagsAsync(30, ct);
        var months = await queries.MonthsAsync(site.Zone, ct);
        return View(new SidebarModel(categories.Where(c => c.Count > 0).ToList(), tags, months.Take(24).ToList()));
    }
}
