using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Posts;

/// <summary>Keeps the one autosave per post and person: saved often, offered back, dropped on a real save.</summary>
public sealed class PostAutosaves(ParleyDbContext db, TimeProvider clock)
{
    public const int MaxFieldsJson = 20_000;

    public async Task<PostAutosave> SaveAsync(int postId, string userId, string title, string body, string fieldsJson, int baseVersion, CancellationToken ct = default)
    {
        if (title.Length > 300) title = title[..300];
        if (body.Length > Rendering.PostMarkdownRenderer.MaxSourceLength) throw ValidationFailedException.For("Body", "The text is too long to keep.");
        if (fieldsJson.Length > MaxFieldsJson) fieldsJson = "{}";
        var autosave = await db.Set<PostAutosave>().FirstOrDefaultAsync(a => a.PostId == postId && a.UserId == userId, ct);
        if (autosave is null) autosave = db.Add(new PostAutosave { PostId = postId, UserId = userId, Title = title }).Entity;
        (autosave.Title, autosave.BodySource, autosave.FieldsJson, autosave.BaseVersion, autosave.SavedAt) =
            (title, body, fieldsJson, baseVersion, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return autosave;
    }

    /// <summary>The person's autosave of a post, when it holds something newer than the post.</summary>
    public Task<PostAutosave?> NewerThanAsync(int postId, string userId, DateTime postUpdatedAt, CancellationToken ct = default) =>
        db.Set<PostAutosave>().AsNoTracking().FirstOrDefaultAsync(a => a.PostId == postId && a.UserId == userId && a.SavedAt > postUpdatedAt, ct);

    public Task DiscardAsync(int postId, string userId, CancellationToken ct = default) =>
        db.Set<PostAutosave>().Where(a => a.PostId == postId && a.UserId == userId).ExecuteDeleteAsync(ct);
}
