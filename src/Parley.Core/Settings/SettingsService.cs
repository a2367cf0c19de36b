using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Settings;

/// <summary>Reads and changes the site's settings row, creating it with defaults when missing.</summary>
public sealed class SettingsService(ParleyDbContext db)
{
    public async Task<SiteSettings> GetAsync(CancellationToken ct = default) =>
        await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct)
        ?? new SiteSettings();

    /// <summary>Records that public content changed, so Last-Modified moves on every page.</summary>
    public async Task TouchContentAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var updated = await db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ContentChangedAt, nowUtc), ct);
        if (updated == 0)
        {
            db.SiteSettings.Add(new SiteSettings { ContentChangedAt = nowUtc, UpdatedAt = nowUtc });
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task SaveAsync(Action<SiteSettings> change, DateTime nowUtc, CancellationToken ct = default)
    {
        var settings = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        if (settings is null) db.SiteSettings.Add(settings = new SiteSettings());
        change(settings);
        settings.UpdatedAt = nowUtc;
        await db.SaveChangesAsync(ct);
    }
}
