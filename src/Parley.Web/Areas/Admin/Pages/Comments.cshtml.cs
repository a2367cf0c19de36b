using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Posts;
using Parley.Web.Auth;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages;

/// <summary>
/// The moderation queue: pending, approved, spam and trash, with single and bulk actions, search, and
/// replies written as staff. Works without JavaScript; every action is a form post.
/// </summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class CommentsModel(CommentModeration moderation, CommentService comments, UserManager<ParleyUser> users) : ThemePageModel
{
    public CommentStatus Status { get; private set; } = CommentStatus.Pending;
    public string? Search { get; private set; }
    public PagedResult<QueueItem> Items { get; private set; } = new([], 1, CommentModeration.PageSize, 0);
    public IReadOnlyDictionary<CommentStatus, int> Counts { get; private set; } = new Dictionary<CommentStatus, int>();
    public int? ReplyTo { get; private set; }
    public string? ReplyText { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, string? q, int? reply)
    {
        if (!TryReadPageNumber(out var page, out var error)) return error!;
        if (!TryReadStatus(status)) return BadRequestPage("There is no such list of comments.");
        Search = q;
        ReplyTo = reply;
        Message = TempData["Moderation"] as string;
        await LoadAsync(page);
        if (page > Items.TotalPages) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(string? status, string? q, ModerationAction act, int[] ids)
    {
        if (!TryReadStatus(status) || !Enum.IsDefined(act)) return BadRequestPage("That moderation action does not exist.");
        if (ids.Length == 0)
        {
            TempData["Moderation"] = "Select at least one comment first.";
            return RedirectToSelf(status, q);
        }
        var changed = await moderation.ApplyAsync(await ScopeAsync(), ids, act, HttpContext.RequestAborted);
        TempData["Moderation"] = changed switch
        {
            0 => "Nothing changed.",
            1 => $"1 comment: {Describe(act)}.",
            _ => $"{changed} comments: {Describe(act)}.",
        };
        return RedirectToSelf(status, q);
    }

    public async Task<IActionResult> OnPostReplyAsync(string? status, string? q, int parentId, string? body)
    {
        TryReadStatus(status);
        var staff = await users.GetUserAsync(User);
        if (staff is null) return Challenge();
        if (!await moderation.CanModerateAsync(await ScopeAsync(), parentId, HttpContext.RequestAborted)) return NotFound();
        try
        {
            await comments.ReplyAsStaffAsync(parentId, body ?? "", staff, HttpContext.RequestAborted);
            TempData["Moderation"] = "Your reply is published.";
            return RedirectToSelf(status, q);
        }
        catch (ValidationFailedException ex)
        {
            Error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            (ReplyTo, ReplyText, Search) = (parentId, body, q);
            await LoadAsync(1);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task LoadAsync(int page)
    {
        Meta.Title = "Comments";
        var scope = await ScopeAsync();
        Items = await moderation.QueueAsync(scope, Status, Search, page, HttpContext.RequestAborted);
        Counts = await moderation.CountsAsync(scope, HttpContext.RequestAborted);
    }

    private async Task<ModeratorScope> ScopeAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new ModeratorScope(user.Id, User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor));
    }

    private bool TryReadStatus(string? status)
    {
        if (string.IsNullOrEmpty(status)) return true;
        if (!Enum.TryParse<CommentStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        Status = parsed;
        return true;
    }

    private RedirectResult RedirectToSelf(string? status, string? q) =>
        Redirect("/admin/comments" + QueryString.Create(new Dictionary<string, string?> { ["status"] = status, ["q"] = q }.Where(kv => !string.IsNullOrEmpty(kv.Value))));

    public string PostPath(QueueItem item) => PostUrls.PathFor(PostKind.Post, item.PostSlug, item.PostPublishedAt, Site.Zone);

    public static string Describe(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "approved",
        ModerationAction.Unapprove => "sent back to pending",
        ModerationAction.Spam => "marked as spam",
        ModerationAction.Trash => "moved to the trash",
        ModerationAction.Restore => "restored to pending",
        ModerationAction.Delete => "deleted for good",
        ModerationAction.Pin => "pinned to the top of its thread",
        ModerationAction.Unpin => "unpinned",
        ModerationAction.Ban => "author banned, everything they wrote hidden as spam",
        _ => action.ToString(),
    };

    /// <summary>The actions that make sense for comments in the current list.</summary>
    public IReadOnlyList<ModerationAction> Actions => Status switch
    {
        CommentStatus.Pending => [ModerationAction.Approve, ModerationAction.Spam, ModerationAction.Trash, ModerationAction.Ban],
        CommentStatus.Approved => [ModerationAction.Unapprove, ModerationAction.Pin, ModerationAction.Unpin, ModerationAction.Spam, ModerationAction.Trash, ModerationAction.Ban],
        _ => [ModerationAction.Restore, ModerationAction.Delete],
    };
}
