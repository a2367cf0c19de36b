using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Parley.Core;
using Parley.Core.Comments;
using Parley.Core.Posts;
using Parley.Core.Rendering;
using Parley.Web.Hosting;

namespace Parley.Web.Theme.Comments;

/// <summary>Everything the discussion under a post shows.</summary>
/// <summary>The signed-in account a comment will be posted under.</summary>
public sealed record CommentingAs(string UserId, string DisplayName, string? Email, bool IsStaff, string? Via);

public sealed record DiscussionView(
    IReadOnlyList<CommentView> Thread, int ApprovedCount, bool Open, CommentForm Form, string Issued,
    CommentView? ReplyTo, IReadOnlyDictionary<string, string[]> Errors, string? PreviewHtml)
{
    /// <summary>The reader's own comments that they may still edit or delete.</summary>
    public IReadOnlySet<int> Editable { get; init; } = new HashSet<int>();
    /// <summary>The comment whose edit form is open (no-JavaScript path).</summary>
    public int? Editing { get; init; }
    public CommentOrder Order { get; init; }
    public int Page { get; init; } = 1;
    public int Pages { get; init; } = 1;
    /// <summary>Set when the reader is signed in and has not chosen to post as a guest.</summary>
    public CommentingAs? SignedIn { get; init; }
    /// <summary>Whether the reader is signed in at all (they may have chosen to post as a guest this time).</summary>
    public bool SignedInAvailable { get; init; }
}

/// <summary>The outcome of posting the reply form: a saved comment, or a status with messages and the form as typed.</summary>
public sealed record SubmitOutcome(Comment? Comment, int Status, IReadOnlyDictionary<string, string[]> Errors, TimeSpan? RetryAfter = null)
{
    /// <summary>Posted without JavaScript from a page kept for everyone: the answer's form is this reader's, and one more press posts it.</summary>
    public bool NeedsConfirmation { get; init; }
}

/// <summary>
/// The web side of "Leave a Reply": reads the thread for a post page and turns a posted form into a
/// call of <see cref="CommentService"/>, after the checks that belong to HTTP (anti-forgery, honeypot,
/// timing, rate limit). Every refusal keeps what the reader typed.
/// </summary>
public sealed class Discussion(
    CommentService comments, CommentQueries queries, CommenterCookies cookies, FormTiming timing,
    CommentRateLimiter limiter, IAntiforgery antiforgery, SiteContext site, IOptions<ParleyOptions> options, CommentMarkdownRenderer renderer,
    Microsoft.AspNetCore.Identity.UserManager<Parley.Core.Accounts.ParleyUser> users)
{
    public const string GeneralError = "";

    public async Task<DiscussionView> LoadAsync(PublicPost post, string authorId, HttpContext http, CommentForm? posted = null,
        IReadOnlyDictionary<string, string[]>? errors = null, string? previewHtml = null, bool confirming = false)
    {
        var own = cookies.ReadOwn(http.Request);
        var order = ReadOrder(http.Request);
        var all = await queries.ThreadAsync(post.Id, authorId, own, order, http.RequestAborted, site.Settings.UseGravatar);
        var perPage = Math.Max(1, site.Settings.CommentsPerPage);
        var pages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var page = int.TryParse(http.Request.Query["cpage"], out var p) && p >= 1 ? Math.Min(p, pages) : 1;
        var thread = all.Skip((page - 1) * perPage).Take(perPage).ToList();
        var now = site.UtcNow;
        var editable = Flatten(thread).Where(c => own.Contains(c.Id) && CommentService.InEditWindow(c.CreatedAt, site.Settings, now)).Select(c => c.Id).ToHashSet();

        var form = posted ?? new CommentForm();
        if (posted is null && cookies.ReadDetails(http.Request) is { } remembered)
        {
            (form.Name, form.Email, form.Website, form.Remember) = (remembered.Name, remembered.Email, remembered.Website, true);
        }
        var replyToId = posted?.ParentId ?? (int.TryParse(http.Request.Query["replytocom"], out var id) ? id : null);
        var replyTo = replyToId is { } rid ? Flatten(thread).FirstOrDefault(c => c.Id == rid && !c.AwaitingModeration) : null;
        form.ParentId = replyTo?.Id;
        var open = CommentService.IsOpen(post.CommentsOpen, post.CommentsCloseAfterDays, post.PublishedAt, site.Settings, now);
        if (http.Request.Query["as"] == "guest") form.AsGuest = true;
        // A page kept for everyone carries no form stamp; the page's script fetches one for its reader.
        // Asking to confirm, the reader has been writing for a while already: the stamp does not make them wait again.
        var issued = Caching.SharedPage.IsShared(http) ? "" : timing.Issue(confirming ? TimeSpan.FromSeconds(options.Value.Limits.CommentMinimumSeconds) : TimeSpan.Zero);
        return new DiscussionView(thread, post.CommentCount, open, form, issued, replyTo, errors ?? new Dictionary<string, string[]>(), previewHtml)
        {
            SignedIn = form.AsGuest ? null : await SignedInAsync(http),
            SignedInAvailable = http.User.Identity?.IsAuthenticated == true,
            Editable = editable,
            Editing = int.TryParse(http.Request.Query["edit"], out var editing) && editable.Contains(editing) ? editing : null,
            Order = order, Page = page, Pages = pages,
        };
    }

    private async Task<CommentingAs?> SignedInAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true) return null;
        var user = await users.GetUserAsync(http.User);
        if (user is null) return null;
        var staff = Parley.Core.Accounts.Roles.All.Any(http.User.IsInRole);
        return new CommentingAs(user.Id, user.DisplayName, user.Email, staff, http.User.FindFirst(Auth.ReaderSignIn.ViaClaim)?.Value);
    }

    public static CommentOrder ReadOrder(HttpRequest request) =>
        request.Query["order"].ToString() switch { "newest" => CommentOrder.Newest, "liked" => CommentOrder.MostLiked, _ => CommentOrder.Oldest };

    /// <summary>The page of the thread a comment is on (by its top-level ancestor), for permalinks into a paged thread.</summary>
    public async Task<int?> PageOfAsync(PublicPost post, int commentId, HttpContext http)
    {
        var all = await queries.ThreadAsync(post.Id, post.AuthorId, cookies.ReadOwn(http.Request), ReadOrder(http.Request), http.RequestAborted);
        var perPage = Math.Max(1, site.Settings.CommentsPerPage);
        for (var i = 0; i < all.Count; i++)
            if (Flatten([all[i]]).Any(c => c.Id == commentId)) return i / perPage + 1;
        return null;
    }

    /// <summary>The checks every small write (like, report, edit, delete) passes: anti-forgery and a rate limit.</summary>
    public async Task<string?> CheckSmallWriteAsync(HttpContext http)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return "This page had expired. Reload it and try again.";
        if (limiter.TryReact(http.Connection.RemoteIpAddress?.ToString() ?? "unknown") is { } wait)
        {
            Parley.Web.Hosting.RetryAfter.Set(http.Response, wait);
            return $"Too many actions in a short time. Wait {Parley.Web.Hosting.RetryAfter.Seconds(wait)} seconds.";
        }
        return null;
    }

    /// <summary>Whether this browser wrote the comment (its signed cookie lists it).</summary>
    public bool IsOwn(HttpContext http, int commentId) => cookies.ReadOwn(http.Request).Contains(commentId);

    public string ReaderKey(HttpContext http) => cookies.ReaderKey(http.Request, http.Response);

    public async Task<SubmitOutcome> SubmitAsync(PublicPost post, CommentForm form, HttpContext http)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            // A page kept for everyone, posted from a browser without JavaScript: the form is now filled in for this reader.
            if (http.Request.Form.TryGetValue("__parley_af", out var sent) && string.IsNullOrEmpty(sent))
                return Refuse(StatusCodes.Status400BadRequest, "One more step: press Post Comment again to post your comment.") with { NeedsConfirmation = true };
            return Refuse(StatusCodes.Status400BadRequest, "This form had expired. Your comment is still here: post it again.");
        }
        if (!string.IsNullOrEmpty(form.Company))
            return Refuse(StatusCodes.Status400BadRequest, "Your comment could not be posted.");
        switch (timing.Check(form.Issued, TimeSpan.FromSeconds(options.Value.Limits.CommentMinimumSeconds)))
        {
            case FormTiming.Verdict.TooFast:
                return Refuse(StatusCodes.Status400BadRequest, "That was very quick. Read your comment over once, then post it again.");
            case FormTiming.Verdict.Expired or FormTiming.Verdict.Missing:
                return Refuse(StatusCodes.Status400BadRequest, "This form had expired. Your comment is still here: post it again.");
        }
        var ip = http.Connection.RemoteIpAddress?.ToString();
        // Per address and per identity: a commenter switching networks, or many people behind one address, are both bounded.
        if ((limiter.TryAcquire("ip:" + (ip ?? "unknown")) ?? (string.IsNullOrWhiteSpace(form.Email) ? null : limiter.TryAcquire("email:" + form.Email.Trim().ToLowerInvariant()))) is { } wait)
            return Refuse(StatusCodes.Status429TooManyRequests,
                $"You are commenting faster than this site allows. Wait {Parley.Web.Hosting.RetryAfter.Seconds(wait)} seconds and post again.", wait);

        var account = form.AsGuest ? null : await SignedInAsync(http);
        try
        {
            var comment = await comments.PostAsync(new CommentInput
            {
                PostId = post.Id, ParentId = form.ParentId, Body = form.Body,
                Name = account?.DisplayName ?? form.Name, Email = account?.Email ?? form.Email, Website = account is null ? form.Website : null,
                Notify = form.Notify switch
                {
                    "replies" => Parley.Core.Notifications.SubscriptionScope.Replies,
                    "thread" => Parley.Core.Notifications.SubscriptionScope.Thread,
                    _ => null,
                },
            }, new CommenterContext(ip, http.Request.Headers.UserAgent.ToString(), account?.UserId, http.Request.Headers.Referer.ToString(), account?.IsStaff ?? false, account?.Via),
                http.RequestAborted);

            cookies.AddOwn(http.Request, http.Response, comment.Id);
            if (account is not null) { }
            else if (form.Remember) cookies.SaveDetails(http.Response, new CommenterCookies.Details(comment.AuthorName, comment.AuthorEmail, comment.AuthorUrl));
            else cookies.ForgetDetails(http.Response);
            return new SubmitOutcome(comment, StatusCodes.Status303SeeOther, new Dictionary<string, string[]>());
        }
        catch (ValidationFailedException ex)
        {
            return new SubmitOutcome(null, StatusCodes.Status400BadRequest, ex.Errors);
        }
        catch (CommentRejectedException ex)
        {
            return Refuse(StatusCodes.Status403Forbidden, ex.Message);
        }
    }

    /// <summary>The comment as it will look once posted. Nothing is saved, so nothing but the token is checked.</summary>
    public async Task<string?> PreviewAsync(CommentForm form, HttpContext http) =>
        await antiforgery.IsRequestValidAsync(http) && form.Body is { Length: > 0 and <= CommentLimits.Body } body
            ? renderer.Render(body.Trim())
            : null;

    private static SubmitOutcome Refuse(int status, string message, TimeSpan? retryAfter = null) =>
        new(null, status, new Dictionary<string, string[]> { [GeneralError] = [message] }, retryAfter);

    private static IEnumerable<CommentView> Flatten(IEnumerable<CommentView> comments) =>
        comments.SelectMany(c => Flatten(c.Replies).Prepend(c));
}
