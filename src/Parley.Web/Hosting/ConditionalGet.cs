using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Parley.Web.Hosting;

/// <summary>
/// Gives every successful page and feed a strong ETag (a hash of its bytes) and answers 304 when the
/// reader already has those bytes. Handlers may set Last-Modified; If-Modified-Since is honoured when no
/// If-None-Match is sent. Static files and media have their own validators and are not touched.
/// </summary>
public sealed class ConditionalGet(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) ||
            request.Path.StartsWithSegments("/media") || Path.HasExtension(request.Path.Value) && !IsGeneratedFile(request.Path))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new PooledBuffer();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && IsCacheableType(response.ContentType))
        {
            var hash = SHA256.HashData(buffer.Span)[..16];
            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(hash) + "\"");
            response.Headers.ETag = etag.ToString();
            if (string.IsNullOrEmpty(response.Headers.CacheControl)) response.Headers.CacheControl = "no-cache";
            if (NotModified(request, response, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        // An empty body is left without a length so the status-code pages further out can still fill it.
        if (buffer.Length == 0) return;
        response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await original.WriteAsync(buffer.Memory, context.RequestAborted);
        }
    }

    private static bool NotModified(HttpRequest request, HttpResponse response, EntityTagHeaderValue etag)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } ifNoneMatch)
            return ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        var lastModified = response.GetTypedHeaders().LastModified;
        return headers.IfModifiedSince is { } since && lastModified is { } modified &&
               modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    /// <summary>Answers made here that look like files: robots.txt, the sitemap index and its parts (<c>/sitemap-posts-2.xml</c>).</summary>
    private static bool IsGeneratedFile(PathString path) =>
        path.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase) ||
        path.Value is { } p && p.StartsWith("/sitemap", StringComparison.OrdinalIgnoreCase) && p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsCacheableType(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ||
                                    contentType.Contains("xml", StringComparison.OrdinalIgnoreCase) ||
                                    contentType.Contains("json", StringComparison.OrdinalIgnoreCase));
}
