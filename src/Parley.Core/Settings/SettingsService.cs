using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Parley.Core.Data;

namespace Parley.Core.Settings;

/// <summary>
/// Reads and changes the site's settings row, creating it with defaults when missing. Every public
/// page needs the settings, so they are kept in memory and dropped on every local change; the short
/// lifetime bounds how stale another server sharing the database can be.
/// </summary>
public sealed class SettingsService(ParleyDbContext db, IMemoryCache cache, ContentChanges changes)
{
    /// <summary>Where the settings are kept in memory; a change heard from another Parley process drops them too.</summary>
    public const string CacheKey = "parley:settings";
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    // Changes made inside InOneCommitAsync, told only once it has committed.
    private List<ContentChange>? toldAfterCommit;

    public async Task<SiteSettings> GetAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out SiteSettings? cached) && cached is not null) return cached;
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct)
            ?? new SiteSettings();
        cache.Set(CacheKey, settings, CacheLifetime);
        return settings;
    }

    /// <summary>Creates the settings row on a new site, with the secrets a site needs from its first day.</summary>
    public async Task EnsureCreatedAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var settings = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        if (settings is null) db.SiteSettings.Add(settings = new SiteSettings { UpdatedAt = nowUtc, ContentChangedAt = nowUtc });
        if (settings.AvatarSalt.Length == 0) settings.AvatarSalt = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await db.SaveChangesAsync(ct);
        cache.Remove(CacheKey);
    }

    /// <summary>Records that public content changed, so Last-Modified and cached listings move on.</summary>
    public async Task TouchContentAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await MoveContentVersionAsync(nowUtc, ct);
        Tell(ContentChange.WholeSite);
    }

    /// <summary>
    /// Records that the discussion under these posts changed (a comment posted, approved, edited, removed, liked):
    /// the content version moves on as for any change, but only pages that show these discussions are out of date.
    /// </summary>
    public async Task TouchDiscussionAsync(IEnumerable<int> postIds, DateTime nowUtc, CancellationToken ct = default)
    {
        var posts = postIds.Distinct().ToArray();
        if (posts.Length == 0) return;
        await MoveContentVersionAsync(nowUtc, ct);
        Tell(new ContentChange(posts));
    }

    /// <summary>
    /// Runs a feature's writes as one transaction: one commit, so one disk flush on a durable PostgreSQL instead of
    /// one per statement. What changed is told only after the commit; told earlier, a page rendered in between from
    /// the old rows would be kept by the page cache as if it were current. Inside a transaction someone else
    /// opened, the writes simply join it. The writes get a token that is never cancelled: once a comment has
    /// passed its checks it is saved even if the reader's connection drops, since cut off halfway it would be
    /// lost while the reader, shown an error, posts it again.
    /// </summary>
    public async Task<T> InOneCommitAsync<T>(Func<CancellationToken, Task<T>> writes)
    {
        var ct = CancellationToken.None;
        if (toldAfterCommit is not null || db.Database.CurrentTransaction is not null) return await writes(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        toldAfterCommit = [];
        try
        {
            var result = await writes(ct);
            await transaction.CommitAsync(ct);
            if (toldAfterCommit.Count > 0) cache.Remove(CacheKey); // a reader may have cached the old row meanwhile
            foreach (var change in toldAfterCommit) changes.Tell(change);
            return result;
        }
        finally
        {
            toldAfterCommit = null;
        }
    }

    /// <inheritdoc cref="InOneCommitAsync{T}"/>
    public Task InOneCommitAsync(Func<CancellationToken, Task> writes) =>
        InOneCommitAsync(async ct => { await writes(ct); return true; });

    private void Tell(ContentChange change)
    {
        if (toldAfterCommit is null) changes.Tell(change);
        else toldAfterCommit.Add(change);
    }

    private async Task MoveContentVersionAsync(DateTime nowUtc, CancellationToken ct)
    {
        var updated = await db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ContentChangedAt, nowUtc), ct);
        if (updated == 0)
        {
            db.SiteSettings.Add(new SiteSettings { ContentChangedAt = nowUtc, UpdatedAt = nowUtc });
            await db.SaveChangesAsync(ct);
        }
        cache.Remove(CacheKey);
    }

    /// <summary>Drops the cached copy after a change made outside <see cref="SaveAsync"/>.</summary>
    public void Forget()
    {
        cache.Remove(CacheKey);
        changes.Tell(ContentChange.WholeSite);
    }

    public async Task SaveAsync(Action<SiteSettings> change, DateTime nowUtc, CancellationToken ct = default)
    {
        var settings = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        if (settings is null) db.SiteSettings.Add(settings = new SiteSettings());
        change(settings);
        settings.UpdatedAt = nowUtc;
        await db.SaveChangesAsync(ct);
        cache.Remove(CacheKey);
        changes.Tell(ContentChange.WholeSite);
    }
}
