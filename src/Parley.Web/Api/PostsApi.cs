using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Core;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Web.Auth;

namespace Parley.Web.Api;

/// <summary>Posts and pages: list (paged, filtered, sorted), get, create, update, delete — with the admin area's permissions.</summary>
public static class PostsApi
{
    public static void MapPosts(this RouteGroupBuilder api, string segment, PostKind kind)
    {
        var group = api.MapGroup(segment).WithTags(kind == PostKind.Page ? "Pages" : "Posts");
        group.MapGet("", (HttpContext http, ParleyDbContext db, TimeProvider clock, int? page, int? pageSize, string? status, string? q, string? sort, string? category, string? tag) =>
                ListAsync(http, db, clock, kind, page, pageSize, status, q, sort, category, tag))
            .WithSummary(kind == PostKind.Page ? "List pages" : "List posts")
            .WithDescription("Anonymous callers see what is published. With a token: status=draft|pending|scheduled|published, your own posts (all posts for Editors). Sort: newest (default), oldest, updated, title.");
        group.MapGet("{id:int}", (HttpContext http, AdminPosts admin, TimeProvider clock, int id) => GetAsync(http, admin, clock, kind, id))
            .WithSummary(kind == PostKind.Page ? "Get a page" : "Get a post");
        group.MapPost("", (HttpContext http, PostService posts, AdminPosts admin, ApiPostWrite body) => CreateAsync(http, posts, admin, kind, body))
            .RequireAuthorization(ApiEndpoints.WritePolicy).WithSummary(kind == PostKind.Page ? "Create a page" : "Create a post");
        group.MapPut("{id:int}", (HttpContext http, PostService posts, AdminPosts admin, int id, ApiPostWrite body) => UpdateAsync(http, posts, admin, kind, id, body))
            .RequireAuthorization(ApiEndpoints.WritePolicy).WithSummary(kind == PostKind.Page ? "Update a page" : "Update a post")
            .WithDescription("Send the version you read; a save over a newer version answers 409.");
        group.MapDelete("{id:int}", (HttpContext http, PostService posts, AdminPosts admin, int id) => DeleteAsync(http, posts, admin, kind, id))
            .RequireAuthorization(ApiEndpoints.WritePolicy).WithSummary(kind == PostKind.Page ? "Delete a page" : "Delete a post");
    }

    private static PostPermissions? Who(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not null ? PermissionsOf.Posts(http.User) : null;

    private static async Task<IResult> ListAsync(HttpContext http, ParleyDbContext db, TimeProvider clock, PostKind kind,
        int? page, int? pageSize, string? status, string? q, string? sort, string? category, string? tag)
    {
        var (p, size) = (page ?? 1, pageSize ?? 20);
        if (p < 1 || size is < 1 or > ApiEndpoints.MaxPageSize)
            return ApiProblems.Problem(400, "Bad paging", $"page starts at 1; pageSize is 1 to {ApiEndpoints.MaxPageSize}.");
        if (q?.Length > 200 || category?.Length > 200 || tag?.Length > 200) return ApiProblems.Problem(400, "Too long", "Filters are at most 200 characters.");
        if (sort is not (null or "" or "newest" or "oldest" or "updated" or "title")) return ApiProblems.Problem(400, "Unknown sort", "sort is newest, oldest, updated or title.");
        var who = Who(http);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Posts.AsNoTracking().Where(x => x.Kind == kind);
        if (who is null || status is null) query = query.Where(PostQueries.IsPublicAt(now));
        else
        {
            if (ApiStatuses.Parse(status) is not { } wanted) return ApiProblems.Problem(400, "Unknown status", "status is draft, pending, scheduled or published.");
            query = query.Where(x => x.Status == wanted);
            if (!who.IsEditor) query = query.Where(x => x.AuthorId == who.UserId);
        }
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(x => x.Title.Contains(q.Trim()));
        if (!string.IsNullOrWhiteSpace(category)) query = query.Where(x => x.Categories.Any(c => c.Slug == category));
        if (!string.IsNullOrWhiteSpace(tag)) query = query.Where(x => x.Tags.Any(t => t.Slug == tag));
        query = sort switch
        {
            null or "" or "newest" => query.OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id),
            "oldest" => query.OrderBy(x => x.PublishedAt).ThenBy(x => x.Id),
            "updated" => query.OrderByDescending(x => x.UpdatedAt).ThenByDescending(x => x.Id),
            _ => query.OrderBy(x => x.Title).ThenBy(x => x.Id),
        };
        var total = await query.CountAsync(http.RequestAborted);
        // One query for the page of posts and their author, categories and tags (no query per post).
        var rows = await query.Skip((p - 1) * size).Take(size).Include(x => x.Author).Include(x => x.Categories).Include(x => x.Tags)
            .AsSplitQuery().ToListAsync(http.RequestAborted);
        var zone = await ZoneAsync(http);
        var items = rows.Select(x => Show(x, who, zone)).ToList();
        return TypedResults.Ok(new ApiList<ApiPost>(items, total, p, size));
    }

    private static async Task<IResult> GetAsync(HttpContext http, AdminPosts admin, TimeProvider clock, PostKind kind, int id)
    {
        var post = await admin.FindAsync(id, http.RequestAborted);
        var who = Who(http);
        if (post is null || post.Kind != kind || !(post.IsPublic(clock.GetUtcNow().UtcDateTime) || who?.CanSee(post) == true))
            return ApiProblems.Problem(404, "Not found", $"There is no {(kind == PostKind.Page ? "page" : "post")} {id}.");
        return TypedResults.Ok(Show(post, who, await ZoneAsync(http)));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, PostService posts, AdminPosts admin, PostKind kind, ApiPostWrite body)
    {
        var who = PermissionsOf.Posts(http.User);
        if (!who.CanCreate(kind)) return ApiProblems.Problem(403, "Not allowed", $"Your role cannot create {(kind == PostKind.Page ? "pages" : "posts")}.");
        var created = await posts.CreateAsync(Input(body, kind, null, who), who.UserId, http.RequestAborted);
        var post = (await admin.FindAsync(created.Id, http.RequestAborted))!;
        return TypedResults.Created($"/api/v1/{(kind == PostKind.Page ? "pages" : "posts")}/{post.Id}", Show(post, who, await ZoneAsync(http)));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, PostService posts, AdminPosts admin, PostKind kind, int id, ApiPostWrite body)
    {
        var who = PermissionsOf.Posts(http.User);
        var existing = await admin.FindAsync(id, http.RequestAborted);
        if (existing is null || existing.Kind != kind || !who.CanSee(existing)) return ApiProblems.Problem(404, "Not found", $"There is no {(kind == PostKind.Page ? "page" : "post")} {id}.");
        if (!who.CanEdit(existing)) return ApiProblems.Problem(403, "Not allowed", "Your role cannot change this.");
        await posts.UpdateAsync(id, Input(body, kind, existing, who), who.UserId, http.RequestAborted);
        return TypedResults.Ok(Show((await admin.FindAsync(id, http.RequestAborted))!, who, await ZoneAsync(http)));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, PostService posts, AdminPosts admin, PostKind kind, int id)
    {
        var who = PermissionsOf.Posts(http.User);
        var existing = await admin.FindAsync(id, http.RequestAborted);
        if (existing is null || existing.Kind != kind || !who.CanSee(existing)) return ApiProblems.Problem(404, "Not found", $"There is no {(kind == PostKind.Page ? "page" : "post")} {id}.");
        if (!who.CanDelete(existing)) return ApiProblems.Problem(403, "Not allowed", "Your role cannot delete this.");
        await posts.DeleteAsync(id, http.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>The request as the rules' input; fields left out keep what the post has.</summary>
    private static PostInput Input(ApiPostWrite body, PostKind kind, Post? existing, PostPermissions who)
    {
        var status = body.Status is null && existing is not null ? existing.Status : ApiStatuses.Parse(body.Status)
            ?? throw ValidationFailedException.For("Status", "status is draft, pending, scheduled or published.");
        return new PostInput
        {
            Kind = kind, Title = body.Title ?? existing?.Title ?? "", Slug = body.Slug ?? existing?.Slug, Excerpt = body.Excerpt ?? existing?.Excerpt,
            Body = body.Body ?? existing?.BodySource ?? "", Status = who.Allowed(status, existing),
            PublishAt = body.PublishAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : existing?.PublishedAt,
            Categories = body.Categories ?? existing?.Categories.Select(c => c.Slug).ToList() ?? [],
            Tags = body.Tags ?? existing?.Tags.Select(t => t.Name).ToList() ?? [],
            ReaderQuestion = body.ReaderQuestion ?? existing?.ReaderQuestion, CommentsOpen = body.CommentsOpen ?? existing?.CommentsOpen ?? true,
            CommentsCloseAfterDays = existing?.CommentsCloseAfterDays, FeaturedImageId = body.FeaturedImageId ?? existing?.FeaturedImageId,
            ExpectedVersion = body.Version,
        };
    }

    private static async Task<TimeZoneInfo> ZoneAsync(HttpContext http) =>
        SiteTime.Zone(await http.RequestServices.GetRequiredService<Parley.Core.Settings.SettingsService>().GetAsync(http.RequestAborted));

    private static ApiPost Show(Post post, PostPermissions? who, TimeZoneInfo zone)
    {
        var editable = who?.CanEdit(post) == true;
        return new ApiPost(post.Id, post.Kind == PostKind.Page ? "page" : "post", post.Title, post.Slug, PostUrls.PathFor(post, zone),
            ApiStatuses.Name(post.Status), post.PublishedAt, post.UpdatedAt, post.Excerpt, editable ? post.BodySource : null, post.BodyHtml,
            new ApiAuthor(post.AuthorId, post.Author?.DisplayName ?? ""), post.Categories.Select(c => c.Slug).ToList(), post.Tags.Select(t => t.Name).ToList(),
            post.ReaderQuestion, post.CommentsOpen, post.CommentCount, post.FeaturedImageId, post.Version);
    }
}
