using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Accounts;
using Parley.Core.Posts;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages.Posts;

/// <summary>Posts (or pages) by status: all, drafts, pending review, scheduled, published. Contributors and Authors see their own.</summary>
public sealed class IndexModel(AdminPosts admin) : ThemePageModel
{
    [BindProperty(SupportsGet = true)] public PostKind Kind { get; set; } = PostKind.Post;
    [BindProperty(SupportsGet = true)] public PostStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public PagedResult<AdminPostRow> Items { get; private set; } = new([], 1, AdminPosts.PageSize, 0);
    public IReadOnlyDictionary<PostStatus, int> Counts { get; private set; } = new Dictionary<PostStatus, int>();
    public PostPermissions Who { get; private set; } = null!;
    public string? Message { get; private set; }
    public TimeZoneInfo Zone => SiteTime.Zone(Site.Settings);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!TryReadPageNumber(out var page, out var error)) return error!;
        if (!Enum.IsDefined(Kind) || Status is { } s && !Enum.IsDefined(s)) return BadRequestPage("There is no such list.");
        Who = Auth.PermissionsOf.Posts(User);
        if (Kind == PostKind.Page && !Who.IsEditor) return Forbid();
        Items = await admin.ListAsync(Who, Kind, Status, Q, page, HttpContext.RequestAborted);
        if (page > Items.TotalPages) return NotFound();
        Counts = await admin.CountsAsync(Who, Kind, HttpContext.RequestAborted);
        Message = TempData["Posts"] as string;
        Meta.Title = Kind == PostKind.Page ? "Pages" : "Posts";
        return Page();
    }
}
