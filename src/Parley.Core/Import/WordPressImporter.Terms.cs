using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Posts;

namespace Parley.Core.Import;

// Categories keep their hierarchy (parents first, whatever the file's order); tags are one per name.
public sealed partial class WordPressImporter
{
    private async Task ImportCategoriesAsync(Run run, List<WxrCategory> all, CancellationToken ct)
    {
        var byslug = new Dictionary<string, WxrCategory>(StringComparer.Ordinal);
        foreach (var category in all.Where(c => c.Slug.Length > 0 || c.Name.Length > 0))
        {
            var slug = category.Slug.Length > 0 ? category.Slug : Slugs.FromText(category.Name);
            if (byslug.TryGetValue(slug, out var first))
            {
                // WordPress.com exports some categories twice (as wp:category and as wp:term); only a real clash is worth a note.
                if (first.Name != category.Name || first.ParentSlug != category.ParentSlug)
                    run.Tally.Note($"Category “{slug}”", "The export lists two categories with this slug; the first counts.");
                continue;
            }
            byslug[slug] = category with { Slug = slug };
        }

        var pending = byslug.Values.ToList();
        while (pending.Count > 0)
        {
            // Parents before children; a parent that is not in the file, or a loop of parents, ends at the top level.
            var next = pending.FirstOrDefault(c => c.ParentSlug is null || run.Categories.ContainsKey(c.ParentSlug) || !byslug.ContainsKey(c.ParentSlug));
            string? problem = null;
            if (next is null)
            {
                next = pending[0];
                problem = $"Its parents form a loop (“{next.ParentSlug}” is among its own descendants); it is a top-level category.";
            }
            else if (next.ParentSlug is { } parent && !byslug.ContainsKey(parent))
                problem = $"Its parent “{parent}” is not in the export; it is a top-level category.";
            pending.Remove(next);
            await ImportCategoryAsync(run, next, problem is null ? next.ParentSlug : null, problem, ct);
        }
    }

    private async Task ImportCategoryAsync(Run run, WxrCategory category, string? parentSlug, string? problem, CancellationToken ct)
    {
        var name = WebUtility.HtmlDecode(category.Name).Trim();
        if (name.Length == 0) name = WebUtility.UrlDecode(category.Slug);
        if (name.Length > 200) name = name[..200].TrimEnd();
        var label = $"Category “{name}”";
        if (problem is not null) run.Tally.Note(label, problem);

        if (await run.Map.FindAsync(ImportedKinds.Category, category.Slug, ct) is { } known && await CategorySlugAsync(known, ct) is { } existing)
        {
            run.Categories[category.Slug] = existing;
            run.Tally.AlreadyImported++;
            return;
        }

        var wanted = Slugs.FromText(Decode(category.Slug), "");
        if (wanted.Length == 0) wanted = Slugs.FromText(name, "category");
        var parent = parentSlug is null ? null : run.Categories.GetValueOrDefault(parentSlug);
        string? result = null;
        var ok = await InTransactionAsync(run, label, async unit =>
        {
            // A category of the same slug that Parley already had (not one this import made) is the same category.
            var same = await db.Categories.Where(c => c.Slug == wanted).Select(c => new { c.Id, c.Slug }).FirstOrDefaultAsync(ct);
            if (same is not null && !await run.Map.IsLocalOfAsync(ImportedKinds.Category, same.Id.ToString(CultureInfo.InvariantCulture), ct))
            {
                result = same.Slug;
                run.Map.Record(ImportedKinds.Category, category.Slug, same.Id.ToString(CultureInfo.InvariantCulture));
                return;
            }
            if (run.Options.DryRun)
            {
                // The same numbering CategoryService applies, against the database and what this run would have made.
                var candidate = wanted;
                for (var n = 2; run.PlannedCategories.Contains(candidate) || await db.Categories.AnyAsync(c => c.Slug == candidate, ct); n++)
                    candidate = $"{wanted}-{n}";
                result = candidate;
                run.PlannedCategories.Add(result);
                run.Map.Record(ImportedKinds.Category, category.Slug, "slug:" + result);
            }
            else
            {
                var created = await categories.CreateWithSlugAsync(name, wanted, parent, category.Description is { } d ? WebUtility.HtmlDecode(d).Trim() : null, ct);
                result = created.Slug;
                run.Map.Record(ImportedKinds.Category, category.Slug, created.Id.ToString(CultureInfo.InvariantCulture));
            }
            unit.Categories++;
        }, ct);
        if (ok && result is not null) run.Categories[category.Slug] = result;
    }

    private async Task ImportTagsAsync(Run run, List<WxrTag> all, CancellationToken ct)
    {
        foreach (var tag in all.DistinctBy(t => t.Slug.Length > 0 ? t.Slug : Slugs.FromText(t.Name)))
        {
            var slug = tag.Slug.Length > 0 ? tag.Slug : Slugs.FromText(tag.Name);
            var name = WebUtility.HtmlDecode(tag.Name).Trim();
            if (name.Length == 0) name = Decode(slug);
            if (name.Length > 200) name = name[..200].TrimEnd();
            if (name.Trim().Length == 0) continue;
            if (await run.Map.FindAsync(ImportedKinds.Tag, slug, ct) is not null)
            {
                run.Tags[slug] = name;
                run.Tally.AlreadyImported++;
                continue;
            }
            var ok = await InTransactionAsync(run, $"Tag “{name}”", async unit =>
            {
                if (run.Options.DryRun)
                {
                    var parleySlug = Slugs.FromText(name);
                    var known = run.PlannedTags.Contains(parleySlug) || await db.Tags.AnyAsync(t => t.Slug == parleySlug, ct);
                    run.PlannedTags.Add(parleySlug);
                    if (!known) unit.Tags++;
                    run.Map.Record(ImportedKinds.Tag, slug, "planned");
                    return;
                }
                var (made, created) = await tags.EnsureAsync(name, ct);
                if (created) unit.Tags++;
                run.Map.Record(ImportedKinds.Tag, slug, made.Id.ToString(CultureInfo.InvariantCulture));
            }, ct);
            if (ok) run.Tags[slug] = name;
        }
    }

    /// <summary>The slug of the category an earlier import (or this dry run) made, if it is still there.</summary>
    private async Task<string?> CategorySlugAsync(string localId, CancellationToken ct)
    {
        if (localId.StartsWith("slug:", StringComparison.Ordinal)) return localId[5..];
        return int.TryParse(localId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? await db.Categories.Where(c => c.Id == id).Select(c => c.Slug).FirstOrDefaultAsync(ct)
            : null;
    }

    private static string Decode(string slug)
    {
        try
        {
            return Uri.UnescapeDataString(slug);
        }
        catch (UriFormatException)
        {
            return slug;
        }
    }
}
