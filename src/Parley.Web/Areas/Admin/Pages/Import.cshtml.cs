using Microsoft.AspNetCore.Authorization;
using Parley.Core.Accounts;
using Parley.Web.Areas.Admin.Import;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages;

/// <summary>Importing a WordPress export from the browser: upload, a progress bar while it runs, then the report.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class ImportModel(ImportJobs jobs) : ThemePageModel
{
    public ImportJobs.Job? Job => jobs.Current;
    public string? Message { get; private set; }

    public void OnGet()
    {
        Meta.Title = "Import from WordPress";
        Message = TempData["Import"] as string;
        // While it runs the page looks again every two seconds (no script needed).
        if (Job is { Running: true }) Response.Headers["Refresh"] = "2";
    }
}
