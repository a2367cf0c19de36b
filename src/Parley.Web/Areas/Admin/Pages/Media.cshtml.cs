using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Core;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Web.Auth;
using Parley.Web.Hosting;
using Parley.Web.Theme;

namespace Parley.Web.Areas.Admin.Pages;

/// <summary>The media library: upload, describe (alt text, caption), see where an image is used, delete.</summary>
[Authorize(Policy = Policies.Upload)]
public sealed class MediaModel(ParleyDbContext db, MediaLibrary library, IOptions<ParleyOptions> options) : ThemePageModel
{
    public const int PageSize = 40;
    public List<MediaItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public int? Failed { get; private set; }
    public IReadOnlyList<(int PostId, string Title)> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!TryReadPageNumber(out var page, out var error)) return error!;
        PageNumber = page;
        Message = TempData["Media"] as string;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, string? altText, string? caption)
    {
        try
        {
            await library.UpdateAsync(id, altText, caption, HttpContext.RequestAborted);
            TempData["Media"] = "Saved.";
            return Redirect($"/admin/media#media-{id}");
        }
        catch (ValidationFailedException ex) { return await FailAsync(id, ex); }
        catch (NotFoundException) { return NotFound(); }
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool force)
    {
        try
        {
            await library.DeleteAsync(id, force, options.Value.MediaPath, HttpContext.RequestAborted);
            TempData["Media"] = "Deleted.";
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            UsedBy = await library.UsedByAsync(id, HttpContext.RequestAborted);
            return await FailAsync(id, ex);
        }
        catch (NotFoundException) { return NotFound(); }
    }

    private async Task<IActionResult> FailAsync(int id, ValidationFailedException ex)
    {
        Error = string.Join(" ", ex.Errors.Values.SelectMany(v => v));
        Failed = id;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Meta.Title = "Media";
        Total = await db.MediaItems.CountAsync(i => i.StoragePath != null, HttpContext.RequestAborted);
        Items = await db.MediaItems.AsNoTracking().Where(i => i.StoragePath != null).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
    }

    /// <summary>The smallest copy, for the grid.</summary>
    public static string Thumb(MediaItem item) =>
        item.Variants.Length > 0 ? MediaFiles.Url(item, int.Parse(item.Variants.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture), "webp") : item.Url;
}
