using Microsoft.AspNetCore.Mvc;
using Parley.Core.Comments;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Components;

public sealed record SidebarModel(
    IReadOnlyList<TermCount> Categories, IReadOnlyList<TermCount> Tags, IReadOnlyList<MonthCount> Months, IReadOnlyList<RecentComment> Comments);

/// <summary>Categories, tags and monthly archives beside every listing and post.</summary>
public sealed class SidebarViewComponent(PostQueries queries, CommentQueries comments, SiteContext site, ContentVersionCache cache, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await cache.GetAsync("sidebar", site, async () =>
    {
        var ct = HttpContext.RequestAborted;
        var categories = await queries.CategoriesAsync(ct);
        var tags = await queries.TagsAsync(30, ct);
        var months = await queries.MonthsAsync(site.Zone, ct);
        var recent = await comments.RecentAsync(5, null, clock.GetUtcNow().UtcDateTime, ct);
        return new SidebarModel(categories.Where(c => c.Count > 0).ToList(), tags, months.Take(24).ToList(), recent);
    }));
}
