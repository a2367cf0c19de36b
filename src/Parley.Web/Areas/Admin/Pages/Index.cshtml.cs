using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parley.Web.Areas.Admin.Pages;

/// <summary>The admin home. Until the dashboard exists it opens the moderation queue.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/admin/comments");
}
