using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Posts;
using Parley.Web.Auth;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages;

/// <summary>One commenter's history (by email): how many approved, held, spam and trashed, and the latest fifty.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class CommenterModel(CommentModeration moderation, UserManager<ParleyUser> users) : ThemePageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    public IReadOnlyDictionary<CommentStatus, int> Counts { get; private set; } = new Dictionary<CommentStatus, int>();
    public IReadOnlyList<QueueItem> Latest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Email is not { Length: > 0 and <= 254 }) return BadRequestPage("Name a commenter by their email address.");
        Meta.Title = "Commenter history";
        var user = (await users.GetUserAsync(User))!;
        var scope = new ModeratorScope(user.Id, User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor));
        (Counts, Latest) = await moderation.CommenterAsync(scope, Email.Trim(), HttpContext.RequestAborted);
        return Page();
    }

    public string PostPath(QueueItem item) => PostUrls.PathFor(PostKind.Post, item.PostSlug, item.PostPublishedAt, SiteTime.Zone(Site.Settings));
}
