using Microsoft.EntityFrameworkCore;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Web.Api;

/// <summary>Categories, tags and a post's published comments: public, like the site. (The staff: <see cref="UsersApi"/>.)</summary>
public static class ReadApi
{
    public static void MapReadApi(this RouteGroupBuilder api)
    {
        api.MapGet("categories", async (ParleyDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new ApiCategory(c.Id, c.Name, c.Slug, c.ParentId, c.Description)).ToListAsync(ct)))
            .WithTags("Taxonomy").WithSummary("All categories, with their parent");
        api.MapGet("categories/{id:int}", async (int id, ParleyDbContext db, CancellationToken ct) =>
                await db.Categories.AsNoTracking().Where(c => c.Id == id).Select(c => new ApiCategory(c.Id, c.Name, c.Slug, c.ParentId, c.Description)).FirstOrDefaultAsync(ct) is { } category
                    ? (IResult)TypedResults.Ok(category)
                    : ApiProblems.Problem(404, "Not found", $"There is no category {id}."))
            .Produces<ApiCategory>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Taxonomy").WithSummary("One category, with its parent");
        api.MapGet("tags", async (TagService tags, CancellationToken ct) =>
                TypedResults.Ok((await tags.AllAsync(ct)).Select(t => new ApiTag(t.Id, t.Name, t.Slug, t.Posts)).ToList()))
            .WithTags("Taxonomy").WithSummary("All tags, with how many posts have each");
        api.MapGet("tags/{id:int}", async (int id, TagService tags, CancellationToken ct) =>
                await tags.FindAsync(id, ct) is { } t
                    ? (IResult)TypedResults.Ok(new ApiTag(t.Id, t.Name, t.Slug, t.Posts))
                    : ApiProblems.Problem(404, "Not found", $"There is no tag {id}."))
            .Produces<ApiTag>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Taxonomy").WithSummary("One tag, with how many posts have it");
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
    }
}
