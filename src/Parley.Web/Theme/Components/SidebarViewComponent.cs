using Microsoft.AspNetCore.Mvc;
using Parley.Core.Comments;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Components;

public sealed record SidebarModel(
    IReadOnlyList<TermCount> Categories, IReadOnlyList<TermCount> Tags, IReadOnlyList<MonthCount> Months, IReadOnlyList<RecentComment> Comments);

/// <summary>
/// Categories, tags and monthly archives beside every listing and post; the latest comments only where the
/// page asks for them (the home page), so that a new comment does not change every page of the site.
/// </summary>
public sealed class SidebarViewComponent(PostQueries queries, CommentQueries comments, SiteContext site, ContentVersionCache cache, TimeProvider clock) : ViewComponent
{
    /// <summary>The ViewData flag a page sets to show "Recent comments".</summary>
    public const string RecentComments = "Parley.RecentComments";

    public async Task<IViewComponentResult> InvokeAsync(bool recentComments)
    {
        var ct = HttpContext.RequestAborted;
        var model = await cache.GetAsync("sidebar", async () =>
        {
            var categories = await queries.CategoriesAsync(ct);
            var tags = await queries.TagsAsync(30, ct);
            var months = await queries.MonthsAsync(site.Zone, ct);
            return new SidebarModel(categories.Where(c => c.Count > 0).ToList(), tags, months.Take(24).ToList(), []);
        });
        if (recentComments)
            model = model with { Comments = await cache.GetDiscussionAsync("recent-comments", () => comments.RecentAsync(5, null, clock.GetUtcNow().UtcDateTime, ct)) };
        return View(model);
    }
}
