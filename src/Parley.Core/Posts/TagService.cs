using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Posts;

public sealed record TagRow(int Id, string Name, string Slug, int Posts);

/// <summary>Tags as an editor tidies them: rename, merge several into one, delete.</summary>
public sealed class TagService(ParleyDbContext db, Settings.SettingsService settings, TimeProvider clock)
{
    public Task<List<TagRow>> AllAsync(CancellationToken ct = default) =>
        db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new TagRow(t.Id, t.Name, t.Slug, t.Posts.Count)).ToListAsync(ct);

    public Task<TagRow?> FindAsync(int id, CancellationToken ct = default) =>
        db.Tags.AsNoTracking().Where(t => t.Id == id).Select(t => new TagRow(t.Id, t.Name, t.Slug, t.Posts.Count)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The tag called <paramref name="name"/>, made when there is none. Tags are one per slug, so "Café" and
    /// "cafe" are the same tag, as they are when a post is saved.
    /// </summary>
    public async Task<(Tag Tag, bool Created)> EnsureAsync(string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200) throw ValidationFailedException.For("Name", "Give the tag a name of up to 200 characters.");
        var slug = Slugs.FromText(name);
        var existing = db.Tags.Local.FirstOrDefault(t => t.Slug == slug) ?? await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (existing is not null) return (existing, false);
        var tag = db.Tags.Add(new Tag { Name = name, Slug = slug }).Entity;
        await db.SaveChangesAsync(ct);
        return (tag, true);
    }

    /// <summary>
    /// Makes a new tag. Tags are one per slug, so a name whose slug another tag has ("Café" beside "cafe") is a
    /// <see cref="ConflictException"/> naming that tag; <see cref="EnsureAsync"/> is the one that reuses it.
    /// </summary>
    public async Task<Tag> CreateAsync(string? name, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200) throw ValidationFailedException.For("Name", "Give the tag a name of up to 200 characters.");
        name = name.Trim();
        var slug = Slugs.FromText(name);
        if (await TakenByAsync(slug, ct) is { } taken) throw new ConflictException("Name", $"The tag \"{taken}\" exists already with the slug \"{slug}\".");
        var tag = db.Tags.Add(new Tag { Name = name, Slug = slug }).Entity;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone made the same tag a moment ago; the unique slug index kept theirs.
            db.Entry(tag).State = EntityState.Detached;
            if (await TakenByAsync(slug, ct) is not { } raced) throw;
            throw new ConflictException("Name", $"The tag \"{raced}\" exists already with the slug \"{slug}\".");
        }
        return tag;
    }

    private Task<string?> TakenByAsync(string slug, CancellationToken ct) =>
        db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(ct);

    public async Task RenameAsync(int id, string? name, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) throw ValidationFailedException.For("Name", "Give the tag a name of up to 200 characters.");
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("The tag");
        var slug = Slugs.FromText(name);
        if (await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != id, ct))
            throw ValidationFailedException.For("Name", $"A tag \"{name.Trim()}\" exists already: merge the two instead.");
        (tag.Name, tag.Slug) = (name.Trim(), slug);
        await db.SaveChangesAsync(ct);
        await TouchAsync(ct);
    }

    /// <summary>Moves every post of the <paramref name="from"/> tags onto <paramref name="into"/> and deletes them.</summary>
    public async Task<int> MergeAsync(IReadOnlyCollection<int> from, int into, CancellationToken ct = default)
    {
        var target = await db.Tags.Include(t => t.Posts).FirstOrDefaultAsync(t => t.Id == into, ct) ?? throw ValidationFailedException.For("Into", "Choose the tag to merge into.");
        var sources = await db.Tags.Include(t => t.Posts).Where(t => from.Contains(t.Id) && t.Id != into).ToListAsync(ct);
        if (sources.Count == 0) throw ValidationFailedException.For("From", "Tick the tags to merge.");
        foreach (var post in sources.SelectMany(t => t.Posts).DistinctBy(p => p.Id).Where(p => target.Posts.All(tp => tp.Id != p.Id)).ToList())
            target.Posts.Add(post);
        db.Tags.RemoveRange(sources);
        await db.SaveChangesAsync(ct);
        await TouchAsync(ct);
        return sources.Count;
    }

    public async Task<int> DeleteAsync(int id, CancellationToken ct = default)
    {
        var deleted = await db.Tags.Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        if (deleted > 0) await TouchAsync(ct);
        return deleted;
    }

    // Tag pages, post pages and feeds show tags: a rename, merge or deletion is a change of the public site.
    // (Creating one is not: a tag with no posts shows nowhere.)
    private Task TouchAsync(CancellationToken ct) => settings.TouchContentAsync(clock.GetUtcNow().UtcDateTime, ct);
}
