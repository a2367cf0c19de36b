using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Posts;

/// <summary>Creates and arranges categories; a category's parent must exist and no cycle may form.</summary>
public sealed class CategoryService(ParleyDbContext db)
{
    public async Task<Category> CreateAsync(string name, string? parentSlug = null, string? description = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw ValidationFailedException.For("Name", "Give the category a name.");
        if (name.Length > 200) throw ValidationFailedException.For("Name", "The name is longer than 200 characters.");
        Category? parent = null;
        if (!string.IsNullOrWhiteSpace(parentSlug))
            parent = await db.Categories.FirstOrDefaultAsync(c => c.Slug == parentSlug, ct)
                ?? throw ValidationFailedException.For("Parent", $"There is no category '{parentSlug}'.");

        var baseSlug = Slugs.FromText(name);
        var slug = baseSlug;
        for (var n = 2; await db.Categories.AnyAsync(c => c.Slug == slug, ct); n++) slug = $"{baseSlug}-{n}";

        var category = new Category { Name = name.Trim(), Slug = slug, Description = description, Parent = parent };
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return category;
    }
}
