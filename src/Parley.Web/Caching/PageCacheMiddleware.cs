using Microsoft.Net.Http.Headers;

namespace Parley.Web.Caching;

/// <summary>
/// Serves kept pages before anything else runs, and keeps the pages that ask for it (<see cref="SharedPage.Keep"/>).
/// Only GET and HEAD from visitors without personal state, and only addresses whose query is one a page
/// understands, take part; everyone else is rendered as before.
/// </summary>
public sealed class PageCacheMiddleware(RequestDelegate next, PageCache cache, TimeProvider clock)
{
    /// <summary>Cookies that put something about this visitor on the page: signed in, their own comments, their saved name.</summary>
    private static readonly string[] PersonalCookies =
        ["parley_auth", "__Host-parley_auth", Theme.Comments.CommenterCookies.OwnCookie, Theme.Comments.CommenterCookies.DetailsCookie];

    /// <summary>Query keys of public pages: listing and thread pages, thread order, the reply form under a comment.</summary>
    private static readonly string[] SharedQueryKeys = ["page", "cpage", "order", "replytocom"];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!cache.Settings.Enabled || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) ||
            !IsPageAddress(request.Path) || IsPersonal(request))
            return next(context);
        var key = new PageKey(request.Host.Value ?? "", request.Path.Value ?? "/", request.QueryString.Value ?? "");
        var encoding = Choose(request.Headers.AcceptEncoding);
        if (cache.TryGet(key, out var page)) return ServeAsync(context, page, encoding, hit: true);
        return RenderAsync(context, key, encoding);
    }

    private async Task RenderAsync(HttpContext context, PageKey key, PageEncoding encoding)
    {
        var shared = new SharedPage(cache.Version);
        context.Features.Set(shared);
        var original = context.Response.Body;
        using var buffer = new Hosting.PooledBuffer();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            context.Features.Set<SharedPage>(null);
        }

        var response = context.Response;
        if (shared.Kept && response.StatusCode == StatusCodes.Status200OK && buffer.Length > 0 &&
            !response.Headers.ContainsKey(HeaderNames.SetCookie) && response.ContentType is { } type)
        {
            var now = clock.GetUtcNow();
            var expires = now.AddSeconds(cache.Settings.MaxSeconds);
            if (shared.Until is { } until && until < expires) expires = until;
            var page = new CachedPage(buffer.Span.ToArray(), type, response.Headers.CacheControl, response.GetTypedHeaders().LastModified,
                shared.Posts, shared.ShowsAllDiscussions, expires);
            if (expires > now && cache.TryAdd(key, page, shared.StartedAt))
            {
                await ServeAsync(context, page, encoding, hit: false);
                return;
            }
        }
        if (buffer.Length == 0) return;
        response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await original.WriteAsync(buffer.Memory, context.RequestAborted);
        }
    }

    private static Task ServeAsync(HttpContext context, CachedPage page, PageEncoding encoding, bool hit)
    {
        var response = context.Response;
        var headers = response.Headers;
        var etag = page.ETags[(int)encoding];
        headers.ETag = etag;
        headers.CacheControl = page.CacheControl;
        headers.Vary = "Accept-Encoding";
        if (page.LastModified is not null) headers.LastModified = page.LastModified;
        headers["Parley-Cache"] = hit ? "hit" : "miss";
        if (NotModified(context.Request, etag, page.LastModified))
        {
            headers.ContentType = default;
            headers.ContentLength = null;
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = page.ContentType;
        if (encoding != PageEncoding.Identity) headers.ContentEncoding = encoding == PageEncoding.Gzip ? "gzip" : "br";
        var bytes = page.BytesFor(encoding);
        response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static bool NotModified(HttpRequest request, string etag, string? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            foreach (var value in ifNoneMatch)
                if (value is not null && (value.Trim() == "*" || value.Split(',').Any(t => Strong(t.Trim()) == etag))) return true;
            return false;
        }
        return lastModified is not null && request.Headers.IfModifiedSince.Count == 1 &&
               DateTimeOffset.TryParse(request.Headers.IfModifiedSince[0], out var since) &&
               DateTimeOffset.TryParse(lastModified, out var modified) && modified <= since;

        // A browser may send back our strong tag as weak (W/"..."): for GET the weak comparison applies.
        static string Strong(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
    }

    /// <summary>Brotli when the browser takes it, else gzip, else the bytes as they are (q=0 means "not this one").</summary>
    public static PageEncoding Choose(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (acceptEncoding.Count == 0) return PageEncoding.Identity;
        bool br = false, gzip = false;
        foreach (var header in acceptEncoding)
        {
            if (header is null) continue;
            foreach (var part in header.Split(','))
            {
                var pieces = part.Split(';', 2);
                var name = pieces[0].Trim();
                if (pieces.Length == 2 && pieces[1].Replace(" ", "") is "q=0" or "q=0.0" or "q=0.00" or "q=0.000") continue;
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase)) br = true;
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase)) gzip = true;
            }
        }
        return br ? PageEncoding.Brotli : gzip ? PageEncoding.Gzip : PageEncoding.Identity;
    }

    private static bool IsPersonal(HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0) return true;
        if (request.QueryString.HasValue)
            foreach (var name in request.Query.Keys)
                if (Array.IndexOf(SharedQueryKeys, name) < 0) return true;
        if (request.Headers.Cookie.Count == 0) return false;
        var cookies = request.Cookies;
        foreach (var name in PersonalCookies)
            if (cookies.ContainsKey(name)) return true;
        return false;
    }

    /// <summary>Pages and feeds; not files, media, the API or the signed-in areas (they are never kept, and some are large).</summary>
    private static bool IsPageAddress(PathString path) =>
        !(path.StartsWithSegments("/media") || path.StartsWithSegments("/api") || path.StartsWithSegments("/admin") ||
          path.StartsWithSegments("/account") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") ||
          path.StartsWithSegments("/embed") || path.StartsWithSegments("/avatars")) &&
        (!Path.HasExtension(path.Value) || path.Value!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ||
         path.Value.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
}
