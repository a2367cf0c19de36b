using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Components;

/// <summary>The header menu: home, the site's pages, search.</summary>
public sealed class NavigationViewComponent(PostQueries queries, ContentVersionCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await cache.GetAsync("pages", () => queries.PagesAsync(HttpContext.RequestAborted)));
}
