using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Parley.Web.Hosting;

namespace Parley.Web.Theme;

/// <summary>Base for public pages: loads the site context, parses page numbers, and ends on proper error pages.</summary>
public abstract class ThemePageModel : PageModel
{
    private SiteContext? _site;
    private PageMeta? _meta;

    // Read many times per page (every comment's date): looked up once.
    public SiteContext Site => _site ??= HttpContext.RequestServices.GetRequiredService<SiteContext>();
    public PageMeta Meta => _meta ??= HttpContext.RequestServices.GetRequiredService<PageMeta>();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await Site.LoadAsync(HttpContext.RequestAborted);
        await next();
    }

    /// <summary>
    /// Reads <c>?page=</c>. Missing means 1. Anything but a whole number from 1 up is a 400 with a
    /// message; a number past the end is for the caller to turn into a 404.
    /// </summary>
    protected bool TryReadPageNumber(out int page, out IActionResult? error)
    {
        error = null;
        page = 1;
        var raw = Request.Query["page"];
        if (raw.Count == 0) return true;
        if (raw.Count == 1 && int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1)
            return true;
        error = BadRequestPage("Page numbers are whole numbers from 1 upwards.");
        return false;
    }

    protected IActionResult BadRequestPage(string message)
    {
        ErrorMessages.Set(HttpContext, message);
        return StatusCode(StatusCodes.Status400BadRequest);
    }

    protected void SetLastModified(DateTime? utc)
    {
        if (utc is { } value) Response.GetTypedHeaders().LastModified = new DateTimeOffset(value, TimeSpan.Zero);
    }

    /// <summary>Link to another page of the same listing, keeping the other query values.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => q.Value);
        if (page > 1) query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return Request.Path + QueryString.Create(query);
    }
}
