using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Web.Api;

/// <summary>Categories, tags, a post's published comments (public) and the staff (with a token).</summary>
public static class ReadApi
{
    public static void MapReadApi(this RouteGroupBuilder api)
    {
        api.MapGet("categories", async (ParleyDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new ApiCategory(c.Id, c.Name, c.Slug, c.ParentId, c.Description)).ToListAsync(ct)))
            .WithTags("Taxonomy").WithSummary("All categories, with their parent");
        api.MapGet("tags", async (TagService tags, CancellationToken ct) =>
                TypedResults.Ok((await tags.AllAsync(ct)).Select(t => new ApiTag(t.Id, t.Name, t.Slug, t.Posts)).ToList()))
            .WithTags("Taxonomy").WithSummary("All tags, with how many posts have each");
        api.MapGet("posts/{id:int}/comments", async (int id, int? page, int? pageSize, ParleyDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var (p, size) = (page ?? 1, pageSize ?? 50);
                if (p < 1 || size is < 1 or > ApiEndpoints.MaxPageSize)
                    return (IResult)ApiProblems.Problem(400, "Bad paging", $"page starts at 1; pageSize is 1 to {ApiEndpoints.MaxPageSize}.");
                var now = clock.GetUtcNow().UtcDateTime;
                if (!await db.Posts.Where(PostQueries.IsPublicAt(now)).AnyAsync(x => x.Id == id, ct))
                    return ApiProblems.Problem(404, "Not found", $"There is no published post {id}.");
                var query = db.Comments.AsNoTracking().Where(c => c.PostId == id && c.Status == CommentStatus.Approved);
                var total = await query.CountAsync(ct);
                var items = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip((p - 1) * size).Take(size)
                    .Select(c => new ApiComment(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt, c.AuthorVia, c.LikeCount)).ToListAsync(ct);
                return TypedResults.Ok(new ApiList<ApiComment>(items, total, p, size));
            })
            .WithTags("Comments").WithSummary("A published post's approved comments, oldest first (threads by parentId)");
        api.MapGet("users", async (ParleyDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var admin = http.User.IsInRole(Roles.Administrator);
                var staff = await db.Users.AsNoTracking().Join(db.UserRoles, u => u.Id, r => r.UserId, (u, r) => new { u, r.RoleId })
                    .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new { x.u.Id, x.u.DisplayName, x.u.Slug, x.u.Email, Role = r.Name! }).ToListAsync(ct);
                return TypedResults.Ok(staff.GroupBy(s => s.Id).Select(g => new ApiUser(g.Key, g.First().DisplayName, g.First().Slug,
                    admin ? g.First().Email : null, g.Select(x => x.Role).ToList())).OrderBy(u => u.Name).ToList());
            })
            .RequireAuthorization(ApiEndpoints.StaffPolicy).WithTags("Users").WithSummary("The staff and their roles (email addresses for Administrators only)");
    }
}
