using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme;

public sealed class IndexModel(PostQueries queries) : ListingPageModel(queries)
{
    public Task<IActionResult> OnGetAsync()
    {
        Heading = "Latest posts";
        Meta.Title = ""; // the layout shows "Site — Tagline" on the first page
        // The home page shows the latest comments from every post; other pages leave them out, so a new
        // comment changes only the pages that show its own discussion (and this one).
        ViewData[Components.SidebarViewComponent.RecentComments] = true;
        Caching.SharedPage.Of(HttpContext)?.KeepShowingAllDiscussions();
        return ListAsync(new PostFilter(), "/");
    }
}
