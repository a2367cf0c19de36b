using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Web.Hosting;

/// <summary>
/// When nothing answers a GET (404), looks the path up among old addresses: a post whose slug or
/// date changed answers 301 to where it is now; a deleted one answers 410 Gone.
/// </summary>
public sealed class OldPathRedirects(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ParleyDbContext db, SettingsService settings)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted ||
            !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            return;
        var path = context.Request.Path.Value ?? "/";
        if (path.Length > 500) return;

        var normalized = PostUrls.Normalize(path);
        var redirect = await db.PathRedirects.AsNoTracking().Include(r => r.Post)
            .FirstOrDefaultAsync(r => r.Path == normalized, context.RequestAborted);
        if (redirect is null) return;
        if (redirect.Post is null)
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return;
        }
        var zone = SiteTime.Zone(await settings.GetAsync(context.RequestAborted));
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = PostUrls.PathFor(redirect.Post, zone) + context.Request.QueryString;
    }
}
