using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme;

/// <summary>A standalone page at /{slug}.</summary>
public sealed class StandalonePageModel(PostQueries queries) : ThemePageModel
{
    public PublicPost? Post { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (slug.Length > Slugs.MaxLength * 2) return NotFound();
        Post = await queries.FindAsync(PostKind.Page, slug.ToLowerInvariant(), HttpContext.RequestAborted);
        if (Post is null) return NotFound();
        if (slug != Post.Slug) return RedirectPermanent("/" + Post.Slug);
        PostPageMeta.Describe(Meta, Site, Post);
        SetLastModified(Site.Settings.LastChange);
        Caching.SharedPage.Of(HttpContext)?.Keep(Post.Id);
        return Page();
    }
}
