using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme;

public sealed class IndexModel(PostQueries queries) : ListingPageModel(queries)
{
    public Task<IActionResult> OnGetAsync()
    {
        Heading = "Latest posts";
        Meta.Title = ""; // the layout shows "Site — Tagline" on the first page
        return ListAsync(new PostFilter(), "/");
    }
}
