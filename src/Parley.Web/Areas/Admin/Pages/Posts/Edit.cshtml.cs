using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Posts;
using Parley.Core.Rendering;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages.Posts;

/// <summary>
/// The editor: Markdown with a live preview from the public site's own pipeline, autosave, taxonomy,
/// scheduling, and the buttons each role may press. A refused save keeps everything typed; a save over
/// someone else's newer version is refused and shows the difference.
/// </summary>
public sealed class EditModel(PostService posts, AdminPosts admin, PostAutosaves autosaves, PostMarkdownRenderer renderer,
    Parley.Core.Media.ResponsiveImages images) : ThemePageModel
{
    [BindProperty] public PostForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public PostKind Kind { get; set; } = PostKind.Post;
    public Post? Post { get; private set; }
    public PostPermissions Who { get; private set; } = null!;
    public List<Category> AllCategories { get; private set; } = [];
    public List<string> AllTags { get; private set; } = [];
    public List<Parley.Core.Media.MediaItem> RecentMedia { get; private set; } = [];
    public List<RevisionRow> Revisions { get; private set; } = [];
    public PostAutosave? Autosave { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }
    public EditConflictException? Conflict { get; private set; }
    public string? ConflictDiffFrom { get; private set; }
    public string PreviewHtml { get; private set; } = "";
    public TimeZoneInfo Zone => SiteTime.Zone(Site.Settings);

    public async Task<IActionResult> OnGetAsync(bool restore)
    {
        if (await LoadAsync() is { } refused) return refused;
        if (Post is not null)
        {
            Form = PostForm.From(Post, Zone);
            Autosave = await autosaves.NewerThanAsync(Post.Id, Who.UserId, Post.UpdatedAt, HttpContext.RequestAborted);
            if (restore && Autosave is { } kept)
            {
                Form = JsonSerializer.Deserialize<PostForm>(kept.FieldsJson) ?? Form;
                (Form.Title, Form.Body) = (kept.Title, kept.BodySource);
                // Saved from an older version: saving it will show the differences rather than overwrite.
                Form.Version = kept.BaseVersion;
                Autosave = null;
                Message = "Your unsaved changes are back. Save to keep them.";
            }
        }
        Message ??= TempData["Editor"] as string;
        PreviewHtml = renderer.Render(Form.Body ?? "").Html;
        return Page();
    }

    /// <summary>Every button of the editor: draft, review, publish (or schedule), unpublish.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string? action)
    {
        if (await LoadAsync() is { } refused) return refused;
        var wanted = action switch
        {
            "publish" => PostStatus.Published,
            "review" => PostStatus.Pending,
            "unpublish" => PostStatus.Draft,
            _ => Post?.Status is PostStatus.Published or PostStatus.Scheduled && action != "draft" ? PostStatus.Published : PostStatus.Draft,
        };
        // Contributors' "publish" is a submission for review; Authors may not publish someone else's post.
        var status = Who.Allowed(wanted, Post);
        if (!Form.TryPublishAtUtc(Zone, out var publishAt))
            return Fail(new Dictionary<string, string[]> { ["PublishAt"] = ["Give the date and time as the picker shows them, e.g. 2026-12-01 09:30."] });
        var input = Form.ToInput(Kind, status, publishAt, Post is null ? null : Form.Version);
        try
        {
            var saved = Post is null
                ? await posts.CreateAsync(input, Who.UserId, HttpContext.RequestAborted)
                : await posts.UpdateAsync(Post.Id, input, Who.UserId, HttpContext.RequestAborted);
            await autosaves.DiscardAsync(saved.Id, Who.UserId, HttpContext.RequestAborted);
            TempData["Editor"] = saved.Status switch
            {
                PostStatus.Published => "Published.",
                PostStatus.Scheduled => $"Scheduled for {TimeZoneInfo.ConvertTimeFromUtc(saved.PublishedAt!.Value, Zone):d MMM yyyy, HH:mm}.",
                PostStatus.Pending => "Submitted for review. An editor will look at it.",
                _ => "Draft saved.",
            };
            return Redirect($"/admin/posts/edit/{saved.Id}");
        }
        catch (ValidationFailedException ex)
        {
            return Fail(ex.Errors);
        }
        catch (EditConflictException ex)
        {
            Conflict = ex;
            ConflictDiffFrom = (await admin.FindAsync(Post!.Id, HttpContext.RequestAborted))?.BodySource ?? "";
            return Fail(new Dictionary<string, string[]> { [""] = [$"{ex.SavedBy ?? "Someone"} saved this post after you opened it. Nothing was saved: your text is below, with the differences from their version."] },
                StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The preview beside the editor, rendered by the public site's own pipeline.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        var body = Form.Body ?? "";
        if (body.Length > PostMarkdownRenderer.MaxSourceLength) return new JsonResult(new { error = "The text is too long to preview." }) { StatusCode = 413 };
        var (words, minutes) = PostForm.Reading(body);
        return new JsonResult(new { html = await images.ApplyAsync(renderer.Render(body).Html, HttpContext.RequestAborted), words, minutes });
    }

    /// <summary>Saves what is typed without touching the post; a new post is created as a draft the first time.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync()
    {
        if (await LoadAsync() is { } refused) return new JsonResult(new { error = "You cannot edit this post." }) { StatusCode = 403 };
        try
        {
            if (Post is null)
            {
                var title = string.IsNullOrWhiteSpace(Form.Title) ? "Untitled draft" : Form.Title;
                var created = await posts.CreateAsync(Form.ToInput(Kind, PostStatus.Draft, null, null) with { Title = title, Slug = null }, Who.UserId, HttpContext.RequestAborted);
                return new JsonResult(new { id = created.Id, version = created.Version, savedAt = created.UpdatedAt });
            }
            var fields = JsonSerializer.Serialize(new PostForm
            {
                Slug = Form.Slug, Excerpt = Form.Excerpt, Categories = Form.Categories, Tags = Form.Tags, ReaderQuestion = Form.ReaderQuestion,
                CommentsOpen = Form.CommentsOpen, CloseAfterDays = Form.CloseAfterDays, PublishAt = Form.PublishAt, FeaturedImageId = Form.FeaturedImageId,
            });
            var saved = await autosaves.SaveAsync(Post.Id, Who.UserId, Form.Title ?? "", Form.Body ?? "", fields, Form.Version, HttpContext.RequestAborted);
            return new JsonResult(new { id = Post.Id, savedAt = saved.SavedAt });
        }
        catch (ValidationFailedException ex)
        {
            return new JsonResult(new { errors = ex.Errors }) { StatusCode = 400 };
        }
    }

    /// <summary>A fresh anti-forgery token, for an editor page that outlived its sign-in (the person signed in again elsewhere).</summary>
    public IActionResult OnGetToken([FromServices] Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        new JsonResult(new { token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken });

    public async Task<IActionResult> OnPostDiscardAutosaveAsync()
    {
        if (await LoadAsync() is { } refused || Post is null) return NotFound();
        await autosaves.DiscardAsync(Post.Id, Who.UserId, HttpContext.RequestAborted);
        return Redirect($"/admin/posts/edit/{Post.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (await LoadAsync() is { } refused || Post is null) return NotFound();
        if (!Who.CanDelete(Post)) return Forbid();
        await posts.DeleteAsync(Post.Id, HttpContext.RequestAborted);
        TempData["Posts"] = $"\"{Post.Title}\" was deleted.";
        return Redirect(Post.Kind == PostKind.Page ? "/admin/posts?kind=page" : "/admin/posts");
    }

    /// <summary>Loads the post and the person's rights; a result when they may not be here.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        Who = Auth.PermissionsOf.Posts(User);
        if (Id is { } id)
        {
            Post = await admin.FindAsync(id, HttpContext.RequestAborted);
            if (Post is null || Post.Status == PostStatus.Trashed) return NotFound();
            Kind = Post.Kind;
            if (!Who.CanEdit(Post)) return Forbid();
            Revisions = await admin.RevisionsAsync(id, HttpContext.RequestAborted);
        }
        else if (!Who.CanCreate(Kind)) return Forbid();
        AllCategories = await admin.CategoriesAsync(HttpContext.RequestAborted);
        AllTags = await admin.TagNamesAsync(HttpContext.RequestAborted);
        RecentMedia = await admin.RecentMediaAsync(Form.FeaturedImageId ?? Post?.FeaturedImageId, HttpContext.RequestAborted);
        Meta.Title = Post is null ? (Kind == PostKind.Page ? "New page" : "New post") : $"Edit “{Post.Title}”";
        return null;
    }

    private PageResult Fail(IReadOnlyDictionary<string, string[]> errors, int status = StatusCodes.Status400BadRequest)
    {
        Errors = errors;
        PreviewHtml = renderer.Render(Form.Body ?? "").Html;
        Response.StatusCode = status;
        return Page();
    }
}
