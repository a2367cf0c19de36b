using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Core;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Web.Api;
using Parley.Web.Hosting;
using Parley.Web.Theme.Comments;

namespace Parley.Web.Embed;

/// <summary>
/// A Parley discussion on any page of another site (<c>/embed/thread.js</c>): the thread and a reply
/// form, answered with CORS only for the sites the owner lists. No cookies cross sites, so instead of
/// the cookie-bound anti-forgery token the form carries a signed, time-stamped ticket for its post;
/// the honeypot, the minimum typing time, the rate limits and every comment rule still apply.
/// </summary>
public static class EmbedEndpoints
{
    public sealed record EmbedComment(int PostId, string? Ticket, string? Name, string? Email, string? Website, string? Body, int? ParentId, string? Company);

    public static void MapEmbed(this WebApplication app)
    {
        app.MapMethods("/api/v1/embed/{**rest}", ["OPTIONS"], (HttpContext http, SettingsService settings) => PreflightAsync(http, settings)).ExcludeFromDescription();
        app.MapGet("/api/v1/embed/thread", ThreadAsync).WithTags("Embed").WithSummary("A published post's thread and a reply ticket, for the embed script (CORS: listed sites only)");
        app.MapPost("/api/v1/embed/comments", PostAsync).WithTags("Embed").WithSummary("Post a comment from the embed script (CORS: listed sites only)");
    }

    private static IDataProtector Tickets(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("Parley.Embed.Ticket");

    /// <summary>The calling site, when the owner listed it; null otherwise (no CORS headers, so the browser refuses).</summary>
    private static async Task<string?> AllowedOriginAsync(HttpContext http, SettingsService settings)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return null;
        var site = await settings.GetAsync(http.RequestAborted);
        var allowed = site.EmbedOrigins.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(o => string.Equals(o, origin, StringComparison.OrdinalIgnoreCase));
        http.Response.Headers.Vary = "Origin";
        if (!allowed) return null;
        http.Response.Headers.AccessControlAllowOrigin = origin;
        return origin;
    }

    private static async Task<IResult> PreflightAsync(HttpContext http, SettingsService settings)
    {
        if (await AllowedOriginAsync(http, settings) is null) return Results.StatusCode(StatusCodes.Status403Forbidden);
        http.Response.Headers.AccessControlAllowMethods = "GET, POST";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        http.Response.Headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    private static async Task<IResult> ThreadAsync(HttpContext http, string? path, SettingsService settings, ParleyDbContext db, TimeProvider clock)
    {
        if (await AllowedOriginAsync(http, settings) is null)
            return ApiProblems.Problem(403, "Not a listed site", "This site is not among those the owner lets show the discussion.");
        if (path is not { Length: > 1 and <= 500 } || !path.StartsWith('/'))
            return ApiProblems.Problem(400, "Which post?", "Give the post's address on this site, e.g. ?path=/2026/11/my-post.");
        var site = await settings.GetAsync(http.RequestAborted);
        var zone = SiteTime.Zone(site);
        var now = clock.GetUtcNow().UtcDateTime;
        var slug = path.TrimEnd('/').Split('/').Last();
        var candidates = await db.Posts.AsNoTracking().Where(PostQueries.IsPublicAt(now)).Where(p => p.Slug == slug).ToListAsync(http.RequestAborted);
        var post = candidates.FirstOrDefault(p => string.Equals(PostUrls.PathFor(p, zone).TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
        if (post is null) return ApiProblems.Problem(404, "Not found", "There is no published post at that address.");
        var comments = await db.Comments.AsNoTracking().Where(c => c.PostId == post.Id && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(500)
            .Select(c => new ApiComment(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt, c.AuthorVia, c.LikeCount)).ToListAsync(http.RequestAborted);
        var open = CommentService.IsOpen(post.CommentsOpen, post.CommentsCloseAfterDays, post.PublishedAt!.Value, site, now);
        var ticket = Tickets(http).Protect($"{post.Id}:{now.Ticks.ToString(CultureInfo.InvariantCulture)}");
        return TypedResults.Ok(new { post = new { post.Id, post.Title, url = PostUrls.PathFor(post, zone), question = post.ReaderQuestion, open }, comments, ticket });
    }

    private static async Task<IResult> PostAsync(HttpContext http, EmbedComment form, SettingsService settings, CommentService comments,
        CommentRateLimiter limiter, IOptions<ParleyOptions> options, TimeProvider clock)
    {
        if (await AllowedOriginAsync(http, settings) is null)
            return ApiProblems.Problem(403, "Not a listed site", "This site is not among those the owner lets post to the discussion.");
        // The ticket stands in for the anti-forgery token: made by this site for this post, not too fast, not too old.
        string[] parts;
        try { parts = Tickets(http).Unprotect(form.Ticket ?? "").Split(':'); }
        catch (System.Security.Cryptography.CryptographicException) { parts = []; }
        if (parts.Length != 2 || parts[0] != form.PostId.ToString(CultureInfo.InvariantCulture) || !long.TryParse(parts[1], out var ticks))
            return ApiProblems.Problem(400, "Reload the page", "This form had expired. Your comment is still here: post it again after reloading.");
        var age = clock.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
        if (age < TimeSpan.FromSeconds(options.Value.Limits.CommentMinimumSeconds))
            return ApiProblems.Problem(400, "That was quick", "That was very quick. Read your comment over once, then post it again.");
        if (age > TimeSpan.FromDays(1)) return ApiProblems.Problem(400, "Reload the page", "This form had expired. Your comment is still here: post it again after reloading.");
        if (!string.IsNullOrEmpty(form.Company)) return ApiProblems.Problem(400, "Not posted", "Your comment could not be posted.");
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if ((limiter.TryAcquire("ip:" + (ip ?? "unknown")) ?? (string.IsNullOrWhiteSpace(form.Email) ? null : limiter.TryAcquire("email:" + form.Email.Trim().ToLowerInvariant()))) is { } wait)
        {
            RetryAfter.Set(http.Response, wait);
            return ApiProblems.Problem(429, "Slow down", $"You are commenting faster than this site allows. Wait {RetryAfter.Seconds(wait)} seconds and post again.");
        }
        try
        {
            var comment = await comments.PostAsync(new CommentInput { PostId = form.PostId, ParentId = form.ParentId, Body = form.Body, Name = form.Name, Email = form.Email, Website = form.Website },
                new CommenterContext(ip, http.Request.Headers.UserAgent.ToString(), Referrer: http.Request.Headers.Referer.ToString()), http.RequestAborted);
            return TypedResults.Ok(new { comment.Id, status = comment.Status == CommentStatus.Approved ? "approved" : "pending", html = comment.BodyHtml, author = comment.AuthorName });
        }
        catch (ValidationFailedException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(e => e.Key.Length == 0 ? "request" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value),
                title: "Your comment was not posted yet", detail: string.Join(" ", ex.Errors.SelectMany(e => e.Value)));
        }
        catch (CommentRejectedException ex)
        {
            return ApiProblems.Problem(403, "Not posted", ex.Message);
        }
        catch (NotFoundException)
        {
            return ApiProblems.Problem(404, "Not found", "That post is not open for comments here.");
        }
    }
}
