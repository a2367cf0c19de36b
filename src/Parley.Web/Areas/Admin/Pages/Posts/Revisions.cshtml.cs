using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Posts;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages.Posts;

/// <summary>Every saved state of a post: compare any two as a readable diff, and restore one.</summary>
public sealed class RevisionsModel(AdminPosts admin, UserManager<ParleyUser> users) : ThemePageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    public Post Post { get; private set; } = null!;
    public List<RevisionRow> All { get; private set; } = [];
    public PostRevision? Older { get; private set; }
    public PostRevision? Newer { get; private set; }
    public TimeZoneInfo Zone => SiteTime.Zone(Site.Settings);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        if (All.Count == 0) return Page();
        // Default: the chosen revision (or the newest) against the one before it.
        var toId = To ?? All[0].Id;
        var index = All.FindIndex(r => r.Id == toId);
        if (index < 0) return NotFound();
        var fromId = From ?? (index + 1 < All.Count ? All[index + 1].Id : toId);
        Newer = await admin.RevisionAsync(Id, toId, HttpContext.RequestAborted);
        Older = await admin.RevisionAsync(Id, fromId, HttpContext.RequestAborted);
        if (Newer is null || Older is null) return NotFound();
        (To, From) = (toId, fromId);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int revision)
    {
        if (await LoadAsync() is { } refused) return refused;
        try
        {
            await admin.RestoreAsync(Id, revision, users.GetUserId(User)!, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (EditConflictException)
        {
            return Redirect($"/admin/posts/{Id}/revisions");
        }
        TempData["Editor"] = "The revision is restored (as a new revision; nothing was lost).";
        return Redirect($"/admin/posts/edit/{Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var who = Auth.PermissionsOf.Posts(User);
        if (await admin.FindAsync(Id, HttpContext.RequestAborted) is not { } post || post.Status == PostStatus.Trashed) return NotFound();
        if (!who.CanEdit(post)) return Forbid();
        Post = post;
        All = await admin.RevisionsAsync(Id, HttpContext.RequestAborted);
        Meta.Title = $"Revisions of “{post.Title}”";
        return null;
    }
}
