using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Posts;

/// <summary>Creates and arranges categories; a category's parent must exist and no cycle may form.</summary>
public sealed class CategoryService(ParleyDbContext db, Settings.SettingsService settings, TimeProvider clock)
{
    public Task<Category> CreateAsync(string name, string? parentSlug = null, string? description = null, CancellationToken ct = default) =>
        CreateWithSlugAsync(name, null, parentSlug, description, ct);

    /// <summary>
    /// Creates a category asking for <paramref name="slug"/> (an imported category keeps its old address
    /// where it can); a slug that is taken gets a number, as one made from the name does.
    /// </summary>
    public async Task<Category> CreateWithSlugAsync(string name, string? slug, string? parentSlug = null, string? description = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw ValidationFailedException.For("Name", "Give the category a name.");
        if (name.Length > 200) throw ValidationFailedException.For("Name", "The name is longer than 200 characters.");
        Category? parent = null;
        if (!string.IsNullOrWhiteSpace(parentSlug))
            parent = await db.Categories.FirstOrDefaultAsync(c => c.Slug == parentSlug, ct)
                ?? throw ValidationFailedException.For("Parent", $"There is no category '{parentSlug}'.");

        var baseSlug = Slugs.FromText(string.IsNullOrWhiteSpace(slug) ? name : slug);
        var free = baseSlug;
        for (var n = 2; await db.Categories.AnyAsync(c => c.Slug == free, ct); n++) free = $"{baseSlug}-{n}";

        var category = new Category { Name = name.Trim(), Slug = free, Description = description, Parent = parent };
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return category;
    }

    public Task<List<Category>> AllAsync(CancellationToken ct = default) => db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    /// <summary>Renames or moves a category. Its new parent may not be itself or one of its own descendants.</summary>
    public async Task UpdateAsync(int id, string? name, string? slug, int? parentId, string? description, CancellationToken ct = default)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("The category");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) throw ValidationFailedException.For("Name", "Give the category a name of up to 200 characters.");
        if (parentId is { } p)
        {
            var all = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(ct);
            for (int? at = p; at is { } step; at = all.FirstOrDefault(c => c.Id == step)?.ParentId)
                if (step == id) throw ValidationFailedException.For("Parent", "A category cannot sit inside itself or one of its own sub-categories.");
            if (all.All(c => c.Id != p)) throw ValidationFailedException.For("Parent", "That parent category does not exist.");
        }
        var wanted = string.IsNullOrWhiteSpace(slug) ? category.Slug : Slugs.FromText(slug);
        if (wanted != category.Slug && await db.Categories.AnyAsync(c => c.Slug == wanted && c.Id != id, ct))
            throw ValidationFailedException.For("Slug", $"Another category already uses \"{wanted}\".");
        (category.Name, category.Slug, category.ParentId, category.Description) = (name.Trim(), wanted, parentId, string.IsNullOrWhiteSpace(description) ? null : description.Trim());
        await db.SaveChangesAsync(ct);
        await TouchAsync(ct);
    }

    /// <summary>Deletes a category: its sub-categories move up to its parent, its posts simply lose it.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        var category = await db.Categories.Include(c => c.Posts).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("The category");
        await db.Categories.Where(c => c.ParentId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, category.ParentId), ct);
        category.Posts.Clear();
        db.Categories.Remove(category);
        await db.SaveChangesAsync(ct);
        await TouchAsync(ct);
    }

    // Archives, post pages, the sidebar and feeds show categories: a change is a change of the public site.
    // (Creating one is not: a category with no posts shows nowhere.)
    private Task TouchAsync(CancellationToken ct) => settings.TouchContentAsync(clock.GetUtcNow().UtcDateTime, ct);
}
