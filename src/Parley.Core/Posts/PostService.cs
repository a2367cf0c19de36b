using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Rendering;
using Parley.Core.Settings;

namespace Parley.Core.Posts;

/// <summary>
/// The rules for writing posts and pages: validation, slugs, rendering once per save, revisions,
/// and redirects that keep old URLs working. Every writer (admin, API, importer, seeding) goes through here.
/// </summary>
public sealed class PostService(ParleyDbContext db, PostMarkdownRenderer renderer, Media.ResponsiveImages images, SettingsService settings, TimeProvider clock)
{
    public async Task<Post> CreateAsync(PostInput input, string authorId, CancellationToken ct = default)
    {
        Validate(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var post = new Post { Kind = input.Kind, Title = "", Slug = "", AuthorId = authorId, CreatedAt = now };
        await ApplyAsync(post, input, now, ct);
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        await settings.TouchContentAsync(now, ct);
        return post;
    }

    /// <summary>
    /// Creates a post brought over from another site (an import): the same validation, rendering, taxonomy and
    /// slug rules as <see cref="CreateAsync"/>, but dated <paramref name="writtenAt"/> (when it was written
    /// there), and a slug that is taken here gets a number instead of being refused (the old address
    /// redirects to the new one anyway).
    /// </summary>
    public async Task<Post> ImportAsync(PostInput input, string authorId, DateTime writtenAt, CancellationToken ct = default)
    {
        Validate(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var post = new Post { Kind = input.Kind, Title = "", Slug = "", AuthorId = authorId, CreatedAt = writtenAt };
        await ApplyAsync(post, input, now, ct, numberTakenSlug: true);
        post.UpdatedAt = writtenAt;
        foreach (var revision in post.Revisions) revision.CreatedAt = writtenAt;
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        await settings.TouchContentAsync(now, ct);
        return post;
    }

    /// <summary>
    /// Makes an address the post had elsewhere (on an imported site) answer with a permanent redirect to it.
    /// An address that already leads somewhere here is left alone.
    /// </summary>
    public async Task<OldPathOutcome> AddOldPathAsync(int postId, string oldPath, CancellationToken ct = default)
    {
        var path = PostUrls.Normalize(oldPath);
        if (path.Length > 500) return OldPathOutcome.LeadsElsewhere;
        var existing = await db.PathRedirects.AsNoTracking().Where(r => r.Path == path).Select(r => new { r.PostId }).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing.PostId == postId ? OldPathOutcome.AlreadyThere : OldPathOutcome.LeadsElsewhere;
        db.PathRedirects.Add(new PathRedirect { Path = path, PostId = postId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return OldPathOutcome.Added;
    }

    /// <summary>The slug a new post of <paramref name="kind"/> asking for <paramref name="wanted"/> gets: itself when free, else with a number.</summary>
    public Task<string> FreeSlugAsync(PostKind kind, string wanted, CancellationToken ct = default) =>
        UniqueSlugAsync(kind, 0, Slugs.FromText(wanted), ct);

    public async Task<Post> UpdateAsync(int id, PostInput input, string editorId, CancellationToken ct = default)
    {
        Validate(input);
        var post = await db.Posts.Include(p => p.Categories).Include(p => p.Tags)
            .FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"Post {id}");
        if (input.Kind != post.Kind)
            throw ValidationFailedException.For(nameof(input.Kind), "A post cannot be turned into a page or back.");
        if (input.ExpectedVersion is { } expected && expected != post.Version)
        {
            var latest = await db.PostRevisions.Where(r => r.PostId == id).OrderByDescending(r => r.Id)
                .Select(r => new { r.Id, r.AuthorId }).FirstOrDefaultAsync(ct);
            var by = latest is null ? null : await db.Users.Where(u => u.Id == latest.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            throw new EditConflictException(post.Version, latest?.Id, by);
        }

        var zone = SiteTime.Zone(await settings.GetAsync(ct));
        var wasPublic = post.Status == PostStatus.Published;
        var oldPath = PostUrls.PathFor(post, zone);
        var now = clock.GetUtcNow().UtcDateTime;

        await ApplyAsync(post, input, now, ct, editorId);
        var newPath = PostUrls.PathFor(post, zone);
        if (wasPublic && !string.Equals(oldPath, newPath, StringComparison.OrdinalIgnoreCase))
            await RememberOldPathAsync(post, oldPath, now, ct);
        // A post moved back to an address it had before takes it over again.
        await db.PathRedirects.Where(r => r.Path == PostUrls.Normalize(newPath)).ExecuteDeleteAsync(ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between reading and writing: same answer as a stale version.
            throw new EditConflictException(post.Version, null, null);
        }
        await settings.TouchContentAsync(now, ct);
        return post;
    }

    /// <summary>Deletes a post for good. Its public address answers 410 Gone from then on.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"Post {id}");
        var zone = SiteTime.Zone(await settings.GetAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var oldPaths = await db.PathRedirects.Where(r => r.PostId == id).Select(r => r.Path).ToListAsync(ct);
        if (post.Status == PostStatus.Published) oldPaths.Add(PostUrls.Normalize(PostUrls.PathFor(post, zone)));
        db.Posts.Remove(post);
        await db.SaveChangesAsync(ct);
        foreach (var path in oldPaths.Distinct())
            db.PathRedirects.Add(new PathRedirect { Path = path, PostId = null, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await settings.TouchContentAsync(now, ct);
    }

    /// <summary>Publishes every scheduled post whose time has come. Returns how many went live.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await db.Posts.Where(p => p.Status == PostStatus.Scheduled && p.PublishedAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostStatus.Published).SetProperty(p => p.UpdatedAt, now), ct);
        if (published > 0) await settings.TouchContentAsync(now, ct);
        return published;
    }

    private async Task ApplyAsync(Post post, PostInput input, DateTime now, CancellationToken ct, string? editorId = null, bool numberTakenSlug = false)
    {
        var rendered = renderer.Render(input.Body);
        post.Title = input.Title.Trim();
        post.Excerpt = string.IsNullOrWhiteSpace(input.Excerpt) ? null : input.Excerpt.Trim();
        post.BodySource = input.Body;
        post.BodyHtml = await images.ApplyAsync(rendered.Html, ct);
        post.BodyText = rendered.PlainText;
        post.CommentsOpen = input.CommentsOpen;
        post.CommentsCloseAfterDays = input.CommentsCloseAfterDays;
        post.ReaderQuestion = string.IsNullOrWhiteSpace(input.ReaderQuestion) ? null : input.ReaderQuestion.Trim();
        if (input.FeaturedImageId is { } featured && featured != post.FeaturedImageId && !await db.MediaItems.AnyAsync(m => m.Id == featured, ct))
            throw ValidationFailedException.For(nameof(input.FeaturedImageId), "That image is not in the media library any more. Choose another.");
        post.FeaturedImageId = input.FeaturedImageId;
        post.UpdatedAt = now;
        post.Version++;
        (post.Status, post.PublishedAt) = input.Status switch
        {
            PostStatus.Published or PostStatus.Scheduled when (input.PublishAt ?? post.PublishedAt ?? now) > now
                => (PostStatus.Scheduled, input.PublishAt ?? post.PublishedAt),
            PostStatus.Published or PostStatus.Scheduled => (PostStatus.Published, input.PublishAt ?? post.PublishedAt ?? now),
            _ => (input.Status, input.PublishAt),
        };

        var chosen = !string.IsNullOrWhiteSpace(input.Slug);
        var wanted = chosen ? Slugs.FromText(input.Slug!) : Slugs.FromText(input.Title);
        if (post.Slug != wanted)
        {
            // A slug the author typed is theirs to change; one made from the title quietly gets a number.
            if (chosen && !numberTakenSlug && await SlugOwnerAsync(post, wanted, ct) is { } owner)
                throw ValidationFailedException.For(nameof(input.Slug), $"The address \"{wanted}\" is already used by \"{owner}\". Choose another.");
            post.Slug = await UniqueSlugAsync(post.Kind, post.Id, wanted, ct);
        }

        await SetTaxonomyAsync(post, input, ct);
        post.Revisions.Add(new PostRevision
        {
            Title = post.Title, BodySource = post.BodySource, BodyHtml = post.BodyHtml,
            CreatedAt = now, AuthorId = editorId ?? post.AuthorId,
        });
    }

    private async Task SetTaxonomyAsync(Post post, PostInput input, CancellationToken ct)
    {
        var categorySlugs = input.Categories.Select(c => c.Trim().ToLowerInvariant()).Distinct().ToList();
        var categories = await db.Categories.Where(c => categorySlugs.Contains(c.Slug)).ToListAsync(ct);
        var missing = categorySlugs.Except(categories.Select(c => c.Slug)).ToList();
        if (missing.Count > 0)
            throw ValidationFailedException.For(nameof(input.Categories), $"Unknown category: {string.Join(", ", missing)}.");
        post.Categories.Clear();
        post.Categories.AddRange(categories);

        post.Tags.Clear();
        foreach (var name in input.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(t => Slugs.FromText(t)))
        {
            var slug = Slugs.FromText(name);
            var tag = db.Tags.Local.FirstOrDefault(t => t.Slug == slug)
                ?? await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct)
                ?? db.Tags.Add(new Tag { Name = name, Slug = slug }).Entity;
            post.Tags.Add(tag);
        }
    }

    private async Task<string> UniqueSlugAsync(PostKind kind, int id, string wanted, CancellationToken ct)
    {
        var candidate = wanted;
        for (var n = 2; ; n++)
        {
            var reserved = kind == PostKind.Page && Slugs.Reserved.Contains(candidate);
            var taken = await db.Posts.AnyAsync(p => p.Kind == kind && p.Slug == candidate && p.Id != id, ct);
            if (!reserved && !taken) return candidate;
            candidate = $"{wanted}-{n}";
        }
    }

    private async Task<string?> SlugOwnerAsync(Post post, string slug, CancellationToken ct) =>
        post.Kind == PostKind.Page && Slugs.Reserved.Contains(slug)
            ? "the site's own pages"
            : await db.Posts.Where(p => p.Kind == post.Kind && p.Slug == slug && p.Id != post.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);

    private async Task RememberOldPathAsync(Post post, string oldPath, DateTime now, CancellationToken ct)
    {
        var path = PostUrls.Normalize(oldPath);
        var existing = await db.PathRedirects.FirstOrDefaultAsync(r => r.Path == path, ct);
        if (existing is null) db.PathRedirects.Add(new PathRedirect { Path = path, PostId = post.Id, CreatedAt = now });
        else existing.PostId = post.Id;
    }

    private static void Validate(PostInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title)) errors[nameof(input.Title)] = ["Give the post a title."];
        else if (input.Title.Length > 300) errors[nameof(input.Title)] = ["The title is longer than 300 characters."];
        if (input.Body.Length > PostMarkdownRenderer.MaxSourceLength)
            errors[nameof(input.Body)] = [$"The text is longer than {PostMarkdownRenderer.MaxSourceLength:N0} characters."];
        if (input.Excerpt?.Length > 2000) errors[nameof(input.Excerpt)] = ["The excerpt is longer than 2,000 characters."];
        if (input.ReaderQuestion?.Length > 1000) errors[nameof(input.ReaderQuestion)] = ["The question to readers is longer than 1,000 characters."];
        if (input.Slug?.Length > 200) errors[nameof(input.Slug)] = ["The slug is longer than 200 characters."];
        if (input.Status == PostStatus.Trashed) errors[nameof(input.Status)] = ["Use delete to remove a post."];
        if (input.CommentsCloseAfterDays is < 1 or > 36_500)
            errors[nameof(input.CommentsCloseAfterDays)] = ["Close comments after 1 to 36,500 days, or leave it empty to follow the site's setting."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }
}
