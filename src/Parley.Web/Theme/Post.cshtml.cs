using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme;

/// <summary>One post at /{yyyy}/{mm}/{slug}. A right slug under the wrong date redirects to the right address.</summary>
public sealed class PostModel(PostQueries queries, ContentVersionCache cache) : ThemePageModel
{
    public PublicPost? Post { get; private set; }
    public PostSummary? Previous { get; private set; }
    public PostSummary? Next { get; private set; }
    public IReadOnlyList<PostSummary> Related { get; private set; } = [];
    public int ReadingMinutes { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, int month, string slug)
    {
        var ct = HttpContext.RequestAborted;
        Post = await queries.FindAsync(PostKind.Post, slug, ct);
        if (Post is null) return NotFound();
        var path = PostUrls.PathFor(Post.Kind, Post.Slug, Post.PublishedAt, Site.Zone);
        if (!string.Equals(path, Request.Path.Value?.TrimEnd('/'), StringComparison.Ordinal))
            return RedirectPermanent(path);

        var post = Post;
        (Previous, Next) = await cache.GetAsync($"post:{post.Id}:neighbours", Site, () => queries.NeighboursAsync(post, ct));
        Related = await cache.GetAsync($"post:{post.Id}:related", Site, () => queries.RelatedAsync(post, 3, ct));
        ReadingMinutes = Math.Max(1, (int)Math.Round(Post.BodyText.Split(' ').Length / 230.0));
        PostPageMeta.Describe(Meta, Site, Post);
        SetLastModified(Site.Settings.LastChange);
        return Page();
    }
}
