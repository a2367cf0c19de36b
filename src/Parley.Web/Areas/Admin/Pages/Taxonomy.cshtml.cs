using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Posts;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages;

/// <summary>Categories (with hierarchy) and tags (rename, merge, delete), for Editors and Administrators.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Editor)]
public sealed class TaxonomyModel(CategoryService categories, TagService tags) : ThemePageModel
{
    public List<Category> Categories { get; private set; } = [];
    public List<TagRow> Tags { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public int? NewParent { get; set; }

    public async Task OnGetAsync()
    {
        Message = TempData["Taxonomy"] as string;
        await LoadAsync();
    }

    public Task<IActionResult> OnPostAddAsync() => RunAsync(async () =>
    {
        var parent = NewParent is { } p ? (await categories.AllAsync()).FirstOrDefault(c => c.Id == p)?.Slug : null;
        await categories.CreateAsync(NewName ?? "", parent, ct: HttpContext.RequestAborted);
        return $"Category \"{NewName!.Trim()}\" added.";
    });

    public Task<IActionResult> OnPostCategoryAsync(int id, string? name, string? slug, int? parent, string? description) => RunAsync(async () =>
    {
        await categories.UpdateAsync(id, name, slug, parent, description, HttpContext.RequestAborted);
        return "Category saved.";
    });

    public Task<IActionResult> OnPostDeleteCategoryAsync(int id) => RunAsync(async () =>
    {
        await categories.DeleteAsync(id, HttpContext.RequestAborted);
        return "Category deleted; its posts keep their other categories.";
    });

    public Task<IActionResult> OnPostRenameTagAsync(int id, string? name) => RunAsync(async () =>
    {
        await tags.RenameAsync(id, name, HttpContext.RequestAborted);
        return "Tag renamed.";
    });

    public Task<IActionResult> OnPostMergeAsync(int[] from, int into) => RunAsync(async () =>
    {
        var merged = await tags.MergeAsync(from, into, HttpContext.RequestAborted);
        return $"{merged} tag{(merged == 1 ? "" : "s")} merged.";
    });

    public Task<IActionResult> OnPostDeleteTagAsync(int id) => RunAsync(async () =>
    {
        await tags.DeleteAsync(id, HttpContext.RequestAborted);
        return "Tag deleted.";
    });

    private async Task<IActionResult> RunAsync(Func<Task<string>> change)
    {
        try
        {
            TempData["Taxonomy"] = await change(); // the services move the content version
            return RedirectToPage();
        }
        catch (ValidationFailedException ex) { Errors = ex.Errors; }
        catch (NotFoundException ex) { Errors = new Dictionary<string, string[]> { [""] = [ex.Message] }; }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Meta.Title = "Categories and tags";
        Categories = await categories.AllAsync(HttpContext.RequestAborted);
        Tags = await tags.AllAsync(HttpContext.RequestAborted);
    }
}
