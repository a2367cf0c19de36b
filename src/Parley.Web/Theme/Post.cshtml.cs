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
public sealed class PostModel(PostQueries queries, ContentVersionCache cache, Discussion discussion, CommentService comments, CommentReactions reactions) : ThemePageModel
{
    public PublicPost? Post { get; private set; }
    public PostSummary? Previous { get; private set; }
    public PostSummary? Next { get; private set; }
    public IReadOnlyList<PostSummary> Related { get; private set; } = [];
    public int ReadingMinutes { get; private set; }
    public DiscussionView? Discussion { get; private set; }
    private string? _formToken;

    /// <summary>
    /// One anti-forgery token for every form on the page (reply, likes, reports, edits), made once. Empty on a
    /// page kept for everyone: the page's script fetches this visitor's token (<see cref="Caching.FormStateEndpoint"/>).
    /// </summary>
    public string FormToken => _formToken ??= Caching.SharedPage.IsShared(HttpContext) ? "" : HttpContext.RequestServices
        .GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(HttpContext).RequestToken!;

    /// <summary>The Markdown of the reader's own comment whose edit form is open.</summary>
    public string? EditingSource { get; private set; }

    [BindProperty] public CommentForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, int month, string slug)
    {
        if (await FindAsync(slug) is { } missing) return missing;
        // A permalink into a paged thread: send the reader to the page that holds the comment.
        if (int.TryParse(Request.Query["comment"], out var wanted))
        {
            var page = await discussion.PageOfAsync(Post!, wanted, HttpContext);
            var path = PostUrls.PathFor(Post!.Kind, Post.Slug, Post.PublishedAt, Site.Zone);
            return Redirect(page is > 1 ? $"{path}?cpage={page}#comment-{wanted}" : $"{path}#comment-{wanted}");
        }
        await LoadPartsAsync();
        Discussion = await discussion.LoadAsync(Post!, Post!.AuthorId, HttpContext);
        if (Discussion.Editing is { } editing) EditingSource = await comments.SourceAsync(editing, HttpContext.RequestAborted);
        SetLastModified(Site.Settings.LastChange);
        if (Caching.SharedPage.Of(HttpContext) is { } shared)
        {
            shared.Keep(Post.Id);
            if (CommentService.ClosesAt(Post.CommentsOpen, Post.CommentsCloseAfterDays, Post.PublishedAt, Site.Settings) is { } closes)
                shared.ExpireAt(new DateTimeOffset(closes, TimeSpan.Zero));
        }
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
        if (outcome.RetryAfter is { } wait) Parley.Web.Hosting.RetryAfter.Set(Response, wait);
        if (outcome.Comment is { } comment)
        {
            if (!script) return Redirect303($"{path}#comment-{comment.Id}");
            // Posted from the page's script: answer with the new comment's markup to show in place.
            Discussion = await discussion.LoadAsync(Post, Post.AuthorId, HttpContext);
            Response.StatusCode = StatusCodes.Status201Created;
            Response.Headers.Location = $"{path}#comment-{comment.Id}";
            return Partial("Comments/_Comments", new CommentItems([CommentView.From(comment)], this));
        }
        if (script)
            return new JsonResult(new { errors = outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "form" : e.Key, e => e.Value) }) { StatusCode = outcome.Status };

        await LoadPartsAsync();
        Discussion = await discussion.LoadAsync(Post, Post.AuthorId, HttpContext, Form, outcome.Errors, confirming: outcome.NeedsConfirmation);
        Response.StatusCode = outcome.Status;
        return Page();
    }

    public Task<IActionResult> OnPostLikeAsync(string slug, int commentId) => SmallWriteAsync(slug, commentId, async () =>
    {
        var count = await reactions.ToggleLikeAsync(commentId, discussion.ReaderKey(HttpContext), HttpContext.RequestAborted);
        return count is null ? null : new { likes = count };
    });

    public Task<IActionResult> OnPostReportAsync(string slug, int commentId) => SmallWriteAsync(slug, commentId, async () =>
        await reactions.ReportAsync(commentId, discussion.ReaderKey(HttpContext), HttpContext.RequestAborted) ? new { reported = true } : null);

    public Task<IActionResult> OnPostDeleteAsync(string slug, int commentId) => SmallWriteAsync(slug, commentId, async () =>
    {
        if (!discussion.IsOwn(HttpContext, commentId)) return null;
        await comments.DeleteOwnAsync(commentId, HttpContext.RequestAborted);
        return new { deleted = true };
    });

    public Task<IActionResult> OnPostEditAsync(string slug, int commentId, string? body) => SmallWriteAsync(slug, commentId, async () =>
    {
        if (!discussion.IsOwn(HttpContext, commentId)) return null;
        var edited = await comments.EditOwnAsync(commentId, body, HttpContext.RequestAborted);
        return new { html = edited.BodyHtml, pending = edited.Status == Parley.Core.Comments.CommentStatus.Pending };
    });

    /// <summary>
    /// Likes, reports, edits and deletions: checked, done, then answered with JSON for the page's script
    /// or with a redirect back to the comment for a browser without it.
    /// </summary>
    private async Task<IActionResult> SmallWriteAsync(string slug, int commentId, Func<Task<object?>> act)
    {
        if (await FindAsync(slug) is { } missing) return missing;
        var script = Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);
        var path = PostUrls.PathFor(Post!.Kind, Post.Slug, Post.PublishedAt, Site.Zone);
        if (await discussion.CheckSmallWriteAsync(HttpContext) is { } refusal)
            return Answer(Response.Headers.RetryAfter.Count > 0 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest, refusal);
        try
        {
            var result = await act();
            if (result is null) return Answer(StatusCodes.Status404NotFound, "That comment is not there any more.");
            return script ? new JsonResult(result) : Redirect303($"{path}#comment-{commentId}");
        }
        catch (Parley.Core.ValidationFailedException ex)
        {
            return Answer(StatusCodes.Status400BadRequest, string.Join(" ", ex.Errors.SelectMany(e => e.Value)));
        }
        catch (Parley.Core.NotFoundException)
        {
            return Answer(StatusCodes.Status404NotFound, "That comment is not there any more.");
        }

        IActionResult Answer(int status, string message)
        {
            if (script) return new JsonResult(new { error = message }) { StatusCode = status };
            Hosting.ErrorMessages.Set(HttpContext, message);
            return StatusCode(status);
        }
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
        (Previous, Next) = await cache.GetAsync($"post:{post.Id}:neighbours", () => queries.NeighboursAsync(post, ct));
        Related = await cache.GetAsync($"post:{post.Id}:related", () => queries.RelatedAsync(post, 3, ct));
        ReadingMinutes = post.ReadingMinutes;
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
