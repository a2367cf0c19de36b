using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Archives;

/// <summary>A category's posts, including those filed under its sub-categories (as WordPress does).</summary>
public sealed class CategoryModel(PostQueries queries) : ListingPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var found = await Queries.CategoryWithDescendantsAsync(slug, HttpContext.RequestAborted);
        if (found is null) return NotFound();
        var (category, ids) = found.Value;
        Heading = category.Name;
        Intro = category.Description ?? $"Posts filed under {category.Name}.";
        FeedLinks.AddFor(Meta, "Category: " + category.Name, PostUrls.Category(slug));
        return await ListAsync(new PostFilter { CategoryIds = ids }, PostUrls.Category(slug));
    }
}
