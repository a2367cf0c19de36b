using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Archives;

public sealed class TagModel(PostQueries queries, ParleyDbContext db) : ListingPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, HttpContext.RequestAborted);
        if (tag is null) return NotFound();
        Heading = "Tagged “" + tag.Name + "”";
        Intro = $"Posts tagged {tag.Name}.";
        FeedLinks.AddFor(Meta, "Tag: " + tag.Name, PostUrls.Tag(slug));
        return await ListAsync(new PostFilter { TagId = tag.Id }, PostUrls.Tag(slug));
    }
}
