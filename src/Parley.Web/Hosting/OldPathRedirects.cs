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
        // WordPress's short links (/?p=123, /?page_id=7) land on the home page, which answers 200:
        // they are looked up before it, when the site has any (imported posts bring them).
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && context.Request.QueryString.HasValue &&
            Parley.Core.Import.OldLinks.LookupKey(context.Request.Path.Value ?? "/", context.Request.QueryString.Value) is { } shortLink &&
            await AnswerAsync(context, db, settings, shortLink))
            return;
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted ||
            !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            return;
        var path = context.Request.Path.Value ?? "/";
        if (path.Length > 500) return;

        await AnswerAsync(context, db, settings, PostUrls.Normalize(path), keepQuery: true);
    }

    /// <summary>301 to where the post is now, or 410 when it was deleted; false when the address was never a post's.</summary>
    private static async Task<bool> AnswerAsync(HttpContext context, ParleyDbContext db, SettingsService settings, string key, bool keepQuery = false)
    {
        var redirect = await db.PathRedirects.AsNoTracking().Include(r => r.Post)
            .FirstOrDefaultAsync(r => r.Path == key, context.RequestAborted);
        if (redirect is null) return false;
        if (redirect.Post is null)
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return true;
        }
        var zone = SiteTime.Zone(await settings.GetAsync(context.RequestAborted));
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = PostUrls.PathFor(redirect.Post, zone) + (keepQuery ? context.Request.QueryString.ToString() : "");
        return true;
    }
}
