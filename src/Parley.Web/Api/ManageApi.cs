using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Web.Api;

public sealed record ApiCategoryWrite(string? Name, string? Slug, int? ParentId, string? Description);

public sealed record ApiTagWrite(string? Name);

public sealed record ApiModeration(string? Action);

public sealed record ApiQueueComment(int Id, int PostId, string PostTitle, string Status, string AuthorName, string? AuthorEmail, string BodyHtml, DateTime CreatedAt);

public sealed record ApiMedia(int Id, string Url, string ContentType, int? Width, int? Height, long SizeBytes, string AltText, string? Caption, DateTime CreatedAt);

/// <summary>What staff manage through the API besides posts: categories and tags (Editors), the comment queue (moderators), the media list (writes in <see cref="MediaApi"/>).</summary>
public static class ManageApi
{
    public const string EditorWritePolicy = "ApiEditorWrite";
    public const string ModeratePolicy = "ApiModerate";
    public const string ModerateWritePolicy = "ApiModerateWrite";

    public static void MapManageApi(this RouteGroupBuilder api)
    {
        api.MapPost("categories", async (ApiCategoryWrite body, CategoryService categories, ParleyDbContext db, CancellationToken ct) =>
            {
                var parent = body.ParentId is { } p ? await db.Categories.Where(c => c.Id == p).Select(c => c.Slug).FirstOrDefaultAsync(ct)
                    ?? throw ValidationFailedException.For("ParentId", "There is no such parent category.") : null;
                var made = await categories.CreateAsync(body.Name ?? "", parent, body.Description, ct);
                return TypedResults.Created($"/api/v1/categories/{made.Id}", new ApiCategory(made.Id, made.Name, made.Slug, made.ParentId, made.Description));
            })
            .RequireAuthorization(EditorWritePolicy).WithTags("Taxonomy").WithSummary("Create a category (Editors)");
        api.MapPut("categories/{id:int}", async (int id, ApiCategoryWrite body, CategoryService categories, CancellationToken ct) =>
            {
                await categories.UpdateAsync(id, body.Name, body.Slug, body.ParentId, body.Description, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(EditorWritePolicy).WithTags("Taxonomy").WithSummary("Rename or move a category (Editors); a cycle is refused");
        api.MapDelete("categories/{id:int}", async (int id, CategoryService categories, CancellationToken ct) =>
            {
                await categories.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(EditorWritePolicy).WithTags("Taxonomy").WithSummary("Delete a category (Editors); its sub-categories move up");
        api.MapPost("tags", async (ApiTagWrite body, TagService tags, CancellationToken ct) =>
            {
                var made = await tags.CreateAsync(body.Name, ct);
                return TypedResults.Created($"/api/v1/tags/{made.Id}", new ApiTag(made.Id, made.Name, made.Slug, 0));
            })
            .Produces<ApiTag>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(EditorWritePolicy).WithTags("Taxonomy").WithSummary("Create a tag (Editors)")
            .WithDescription("A tag is one per slug: a name whose slug another tag has (\"Café\" beside \"cafe\") answers 409.");
        api.MapPut("tags/{id:int}", async (int id, ApiTagWrite body, TagService tags, CancellationToken ct) =>
            {
                await tags.RenameAsync(id, body.Name, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(EditorWritePolicy).WithTags("Taxonomy").WithSummary("Rename a tag (Editors)");
        api.MapDelete("tags/{id:int}", async (int id, TagService tags, CancellationToken ct) =>
                await tags.DeleteAsync(id, ct) == 0 ? (IResult)ApiProblems.Problem(404, "Not found", $"There is no tag {id}.") : TypedResults.NoContent())
            .RequireAuthorization(EditorWritePolicy).WithTags("Taxonomy").WithSummary("Delete a tag (Editors)");

        api.MapGet("comments", async (HttpContext http, CommentModeration moderation, string? status, string? q, int? page, CancellationToken ct) =>
            {
                var wanted = (status ?? "pending").ToLowerInvariant() switch
                {
                    "pending" => CommentStatus.Pending, "approved" => CommentStatus.Approved, "spam" => CommentStatus.Spam, "trash" => CommentStatus.Trash, _ => (CommentStatus?)null,
                };
                if (wanted is null) return (IResult)ApiProblems.Problem(400, "Unknown status", "status is pending, approved, spam or trash.");
                if (page is < 1) return ApiProblems.Problem(400, "Bad paging", "page starts at 1.");
                var result = await moderation.QueueAsync(Scope(http), wanted.Value, q, page ?? 1, ct);
                return TypedResults.Ok(new ApiList<ApiQueueComment>(result.Items.Select(i => new ApiQueueComment(i.Id, i.PostId, i.PostTitle,
                    i.Status.ToString().ToLowerInvariant(), i.AuthorName, i.AuthorEmail, i.BodyHtml, i.CreatedAt)).ToList(), result.Total, result.Page, result.PageSize));
            })
            .RequireAuthorization(ModeratePolicy).WithTags("Comments").WithSummary("The moderation queue (Authors see comments on their own posts)");
        api.MapPut("comments/{id:int}", async (HttpContext http, int id, ApiModeration body, CommentModeration moderation, CancellationToken ct) =>
            {
                if (!Enum.TryParse<ModerationAction>(body.Action, ignoreCase: true, out var action) || action == ModerationAction.Ban)
                    return (IResult)ApiProblems.Problem(400, "Unknown action", "action is approve, unapprove, spam, trash, restore, delete, pin or unpin.");
                var scope = Scope(http);
                if (!await moderation.CanModerateAsync(scope, id, ct)) return ApiProblems.Problem(404, "Not found", $"There is no comment {id} that you moderate.");
                var changed = await moderation.ApplyAsync(scope, [id], action, ct);
                return TypedResults.Ok(new { id, changed = changed > 0 });
            })
            .RequireAuthorization(ModerateWritePolicy).WithTags("Comments").WithSummary("Moderate a comment: approve, unapprove, spam, trash, restore, delete, pin, unpin");

        api.MapGet("media", async (ParleyDbContext db, int? page, int? pageSize, CancellationToken ct) =>
            {
                var (p, size) = (page ?? 1, pageSize ?? 20);
                if (p < 1 || size is < 1 or > ApiEndpoints.MaxPageSize)
                    return (IResult)ApiProblems.Problem(400, "Bad paging", $"page starts at 1; pageSize is 1 to {ApiEndpoints.MaxPageSize}.");
                var query = db.MediaItems.AsNoTracking().Where(m => m.StoragePath != null);
                var total = await query.CountAsync(ct);
                var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((p - 1) * size).Take(size)
                    .Select(m => new ApiMedia(m.Id, m.Url, m.ContentType, m.Width, m.Height, m.SizeBytes, m.AltText, m.Caption, m.CreatedAt)).ToListAsync(ct);
                return TypedResults.Ok(new ApiList<ApiMedia>(items, total, p, size));
            })
            .RequireAuthorization(ApiEndpoints.StaffPolicy).WithTags("Media").WithSummary("The media library, newest first");
    }

    internal static ModeratorScope Scope(HttpContext http) =>
        new(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, http.User.IsInRole(Roles.Administrator) || http.User.IsInRole(Roles.Editor));
}
