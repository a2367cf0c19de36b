using Microsoft.AspNetCore.Mvc;
using Parley.Core.Comments;
using Parley.Core.Posts;
using Parley.Web.Theme.Comments;

namespace Parley.Web.Theme;

/// <summary>
/// One post at /{yyyy}/{mm}/{slug} with its discussion. A right slug under the wrong date redirects
/// to the right address. Posting the reply form comes back here (post/redirect/get).
/// </summary>
[IgnoreAntiforgeryToken] // checked by Discussion.SubmitAsync, which keeps the reader's text when the token is stale
public sealed class PostModel(PostQueries queries, ContentVersionCache cache, Discussion discussion) : ThemePageModel
{
    public PublicPost? Post { get; private set; }
    public PostSummary? Previous { get; private set; }
    public PostSummary? Next { get; private set; }
    public IReadOnlyList<PostSummary> Related { get; private set; } = [];
    public int ReadingMinutes { get; private set; }
    public DiscussionView? Discussion { get; private set; }

    [BindProperty] public CommentForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, int month, string slug)
    {
        if (await FindAsync(slug) is { } missing) return missing;
        await LoadPartsAsync();
        Discussion = await discussion.LoadAsync(Post!, Post!.AuthorId, HttpContext);
        SetLastModified(Site.Settings.LastChange);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int month, string slug)
    {
        if (await FindAsync(slug) is { } missing) return missing;
        var path = PostUrls.PathFor(Post!.Kind, Post.Slug, Post.PublishedAt, Site.Zone);
        var script = Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);
        if (Form.Preview)
        {
            var preview = await discussion.PreviewAsync(Form, HttpContext);
            if (script) return new JsonResult(new { html = preview ?? "" });
            await LoadPartsAsync();
            Discussion = await discussion.LoadAsync(Post, Post.AuthorId, HttpContext, Form, previewHtml: preview);
            return Page();
        }

        var outcome = await discussion.SubmitAsync(Post, Form, HttpContext);
        if (outcome.RetryAfter is { } wait) Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (outcome.Comment is { } comment)
        {
            if (!script) return Redirect303($"{path}#comment-{comment.Id}");
            // Posted from the page's script: answer with the new comment's markup to show in place.
            Discussion = await discussion.LoadAsync(Post, Post.AuthorId, HttpContext);
            Response.StatusCode = StatusCodes.Status201Created;
            Response.Headers.Location = $"{path}#comment-{comment.Id}";
            return Partial("Comments/_Comment", new CommentItem(CommentView.From(comment), this));
        }
        if (script)
            return new JsonResult(new { errors = outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "form" : e.Key, e => e.Value) }) { StatusCode = outcome.Status };

        await LoadPartsAsync();
        Discussion = await discussion.LoadAsync(Post, Post.AuthorId, HttpContext, Form, outcome.Errors);
        Response.StatusCode = outcome.Status;
        return Page();
    }

    /// <summary>Null when the post was found at its right address; otherwise the answer to give.</summary>
    private async Task<IActionResult?> FindAsync(string slug)
    {
        Post = await queries.FindAsync(PostKind.Post, slug, HttpContext.RequestAborted);
        if (Post is null) return NotFound();
        var path = PostUrls.PathFor(Post.Kind, Post.Slug, Post.PublishedAt, Site.Zone);
        if (!string.Equals(path, Request.Path.Value?.TrimEnd('/'), StringComparison.Ordinal))
            return HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method) ? RedirectPermanent(path) : NotFound();
        return null;
    }

    private async Task LoadPartsAsync()
    {
        var ct = HttpContext.RequestAborted;
        var post = Post!;
        (Previous, Next) = await cache.GetAsync($"post:{post.Id}:neighbours", Site, () => queries.NeighboursAsync(post, ct));
        Related = await cache.GetAsync($"post:{post.Id}:related", Site, () => queries.RelatedAsync(post, 3, ct));
        ReadingMinutes = Math.Max(1, (int)Math.Round(post.BodyText.Split(' ').Length / 230.0));
        PostPageMeta.Describe(Meta, Site, post);
        var path = PostUrls.PathFor(post.Kind, post.Slug, post.PublishedAt, Site.Zone);
        Meta.Feeds.Add(($"Comments on “{post.Title}” (RSS)", path + "/feed", "application/rss+xml"));
        Meta.Feeds.Add(($"Comments on “{post.Title}” (Atom)", path + "/feed/atom", "application/atom+xml"));
    }

    /// <summary>303 See Other: the browser follows with a GET, so a reload never posts the comment twice.</summary>
    private StatusCodeResult Redirect303(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
