using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Web.Hosting;
using Parley.Web.Theme.Comments;

namespace Parley.Web.Api;

/// <summary>A comment written through the API: its text and, for a reply, the comment it answers.</summary>
public sealed record ApiCommentWrite(string? Body, int? ParentId);

/// <summary>One comment with its post and state; the author's email only for those who moderate it.</summary>
public sealed record ApiCommentDetail(int Id, int PostId, int? ParentId, string Status, string AuthorName, string? AuthorEmail, string? AuthorUrl,
    string BodyHtml, DateTime CreatedAt, string? Via, int Likes);

/// <summary>
/// Staff writing in the discussion as themselves, and removing comments: the same <see cref="CommentService"/>
/// rules as the site's form (cleaning, closed posts, thread depth, rate limits) and the moderation queue's delete.
/// </summary>
public static class CommentsApi
{
    public static void MapCommentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("posts/{id:int}/comments", PostAsync)
            .Produces<ApiCommentDetail>(StatusCodes.Status201Created)
            .RequireAuthorization(ApiEndpoints.WritePolicy).WithTags("Comments")
            .WithSummary("Comment on a published post as yourself (staff), or reply with parentId")
            .WithDescription("The site form's rules: closed posts, thread depth, block list and rate limit (429) apply; staff comments are approved at once.");
        api.MapGet("comments/{id:int}", async (HttpContext http, int id, ParleyDbContext db, CommentModeration moderation, TimeProvider clock, CancellationToken ct) =>
            {
                var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
                var moderates = comment is not null && http.User.Identity?.IsAuthenticated == true && IsModerator(http.User)
                    && await moderation.CanModerateAsync(ManageApi.Scope(http), id, ct);
                var visible = comment is not null && (moderates || (comment.Status == CommentStatus.Approved
                    && await db.Posts.Where(PostQueries.IsPublicAt(clock.GetUtcNow().UtcDateTime)).AnyAsync(p => p.Id == comment.PostId, ct)));
                return visible ? (IResult)TypedResults.Ok(Show(comment!, moderates)) : ApiProblems.Problem(404, "Not found", $"There is no comment {id}.");
            })
            .WithTags("Comments").WithSummary("One comment (anyone: approved comments on published posts; moderators: any in their scope)");
        api.MapDelete("comments/{id:int}", async (HttpContext http, int id, ParleyDbContext db, CommentModeration moderation, CancellationToken ct) =>
            {
                var scope = ManageApi.Scope(http);
                if (!await moderation.CanModerateAsync(scope, id, ct)) return (IResult)ApiProblems.Problem(404, "Not found", $"There is no comment {id} that you moderate.");
                var status = await db.Comments.Where(c => c.Id == id).Select(c => c.Status).FirstAsync(ct);
                // As in the admin area, a comment is deleted for good from the spam or the trash only.
                if (status is not (CommentStatus.Spam or CommentStatus.Trash))
                    return ApiProblems.Problem(409, "Not in the trash", "Move the comment to the trash first (PUT with action \"trash\"), then delete it.");
                await moderation.ApplyAsync(scope, [id], ModerationAction.Delete, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(ManageApi.ModerateWritePolicy).WithTags("Comments")
            .WithSummary("Delete a comment for good (from the spam or the trash); its replies stay, under its parent");
    }

    private static async Task<IResult> PostAsync(HttpContext http, int id, ApiCommentWrite body, CommentService comments, UserManager<ParleyUser> users, CommentRateLimiter limiter)
    {
        if (await users.GetUserAsync(http.User) is not { } user) return ApiProblems.Problem(401, "Sign in with a token", "The token's account is not there any more.");
        var ip = http.Connection.RemoteIpAddress?.ToString();
        // The form's limit, per address and per identity.
        if ((limiter.TryAcquire("ip:" + (ip ?? "unknown")) ?? (user.Email is { } email ? limiter.TryAcquire("email:" + email.Trim().ToLowerInvariant()) : null)) is { } wait)
        {
            RetryAfter.Set(http.Response, wait);
            return ApiProblems.Problem(429, "Slow down", $"You are commenting faster than this site allows. Wait {RetryAfter.Seconds(wait)} seconds and post again.");
        }
        var comment = await comments.PostAsync(new CommentInput { PostId = id, ParentId = body.ParentId, Body = body.Body, Name = user.DisplayName, Email = user.Email },
            new CommenterContext(ip, http.Request.Headers.UserAgent.ToString(), user.Id, IsStaff: true), http.RequestAborted);
        return TypedResults.Created($"/api/v1/comments/{comment.Id}", Show(comment, moderates: true));
    }

    private static bool IsModerator(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Author);

    private static ApiCommentDetail Show(Comment c, bool moderates) => new(c.Id, c.PostId, c.ParentId, c.Status.ToString().ToLowerInvariant(), c.AuthorName,
        moderates ? c.AuthorEmail : null, c.AuthorUrl, c.BodyHtml, c.CreatedAt, c.AuthorVia, c.LikeCount);
}
