using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Archives;

/// <summary>A category's posts, including those filed under its sub-categories (as WordPress does).</summary>
public sealed class CategoryModel(PostQueries queries, ParleyDbContext db) : ListingPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var all = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Name, c.Slug, c.Description })
            .ToListAsync(HttpContext.RequestAborted);
        var category = all.FirstOrDefault(c => c.Slug == slug);
        if (category is null) return NotFound();

        var ids = new List<int> { category.Id };
        for (var i = 0; i < ids.Count && ids.Count < 1000; i++)
            ids.AddRange(all.Where(c => c.ParentId == ids[i]).Select(c => c.Id));

        Heading = category.Name;
        Intro = category.Description ?? $"Posts filed under {category.Name}.";
        FeedLinks.AddFor(Meta, "Category: " + category.Name, PostUrls.Category(slug));
        return await ListAsync(new PostFilter { CategoryIds = ids }, PostUrls.Category(slug));
    }
}
