using Microsoft.AspNetCore.Identity;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Posts;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages;

/// <summary>The admin home: drafts, scheduled posts, comments waiting, and comments per day for 30 days.</summary>
public sealed class IndexModel(Dashboard dashboard, CommentModeration moderation, UserManager<ParleyUser> users) : ThemePageModel
{
    public PostPermissions Who { get; private set; } = null!;
    public List<AdminPostRow> Drafts { get; private set; } = [];
    public List<AdminPostRow> Scheduled { get; private set; } = [];
    public int Waiting { get; private set; }
    public bool CanModerate { get; private set; }
    public IReadOnlyList<DayCount> PerDay { get; private set; } = [];
    public TimeZoneInfo Zone => SiteTime.Zone(Site.Settings);

    public async Task OnGetAsync()
    {
        Meta.Title = "Dashboard";
        var id = users.GetUserId(User)!;
        Who = Auth.PermissionsOf.Posts(User);
        Drafts = await dashboard.RecentDraftsAsync(Who, ct: HttpContext.RequestAborted);
        Scheduled = await dashboard.ScheduledAsync(Who, ct: HttpContext.RequestAborted);
        CanModerate = Who.IsAuthor;
        if (CanModerate)
        {
            var counts = await moderation.CountsAsync(new ModeratorScope(id, Who.IsEditor), HttpContext.RequestAborted);
            Waiting = counts.GetValueOrDefault(CommentStatus.Pending);
        }
        PerDay = await dashboard.CommentsPerDayAsync(30, HttpContext.RequestAborted);
    }
}
