using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Notifications;

/// <summary>Confirming and ending subscriptions from the links in mail; the random token is the only key.</summary>
public sealed class SubscriptionService(ParleyDbContext db, TimeProvider clock)
{
    public sealed record View(CommentSubscription Subscription, string PostTitle);

    public async Task<View?> FindAsync(string token, CancellationToken ct = default)
    {
        if (!IsToken(token)) return null;
        return await db.Set<CommentSubscription>().AsNoTracking().Where(s => s.Token == token)
            .Join(db.Posts, s => s.PostId, p => p.Id, (s, p) => new View(s, p.Title)).FirstOrDefaultAsync(ct);
    }

    public Task<bool> ConfirmAsync(string token, CancellationToken ct = default) =>
        SetAsync(token, s => s.ConfirmedAt ??= clock.GetUtcNow().UtcDateTime, ct);

    public Task<bool> UnsubscribeAsync(string token, CancellationToken ct = default) =>
        SetAsync(token, s => s.UnsubscribedAt ??= clock.GetUtcNow().UtcDateTime, ct);

    private async Task<bool> SetAsync(string token, Action<CommentSubscription> change, CancellationToken ct)
    {
        if (!IsToken(token)) return false;
        var subscription = await db.Set<CommentSubscription>().FirstOrDefaultAsync(s => s.Token == token, ct);
        if (subscription is null) return false;
        change(subscription);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static bool IsToken(string token) => token.Length == 48 && token.All(char.IsAsciiHexDigitLower);
}
