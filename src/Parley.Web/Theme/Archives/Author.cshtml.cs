using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Archives;

public sealed class AuthorModel(PostQueries queries, ParleyDbContext db) : ListingPageModel(queries)
{
    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Slug == slug)
            .Select(u => new { u.Id, u.DisplayName, u.Bio }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (author is null) return NotFound();
        Heading = author.DisplayName;
        Intro = author.Bio ?? $"Posts by {author.DisplayName}.";
        return await ListAsync(new PostFilter { AuthorId = author.Id }, PostUrls.Author(slug));
    }
}
