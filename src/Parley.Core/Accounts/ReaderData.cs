using Microsoft.EntityFrameworkCore;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Core.Accounts;

public sealed record ReaderComment(int Id, string PostTitle, string Link, string Body, CommentStatus Status, DateTime CreatedAt, string? Via);

public sealed record ReaderSubscription(string PostTitle, string PostPath, SubscriptionScope Scope, bool Confirmed, string Token);

public sealed record ReaderIdentity(string Provider, string Issuer, string Subject);

/// <summary>Everything Parley keeps about one reader, for their own page and for "download my data".</summary>
public sealed record ReaderExport(
    string DisplayName, string? Email, DateTime CreatedAt, DateTime? LastSignInAt, IReadOnlyList<ReaderIdentity> Identities,
    int Passkeys, IReadOnlyList<ReaderComment> Comments, IReadOnlyList<ReaderSubscription> Subscriptions, IReadOnlyList<SecurityEvent> SignIns);

/// <summary>Reads what belongs to one reader: their comments (with links), their subscriptions, their sign-ins.</summary>
public sealed class ReaderData(ParleyDbContext db, SettingsService settings)
{
    public async Task<List<ReaderComment>> CommentsAsync(string userId, int take = 1000, CancellationToken ct = default)
    {
        var zone = SiteTime.Zone(await settings.GetAsync(ct));
        var rows = await db.Comments.AsNoTracking().Where(c => c.AuthorUserId == userId && c.Status != CommentStatus.Spam)
            .OrderByDescending(c => c.CreatedAt).Take(take)
            .Select(c => new { c.Id, c.Post!.Title, c.Post.Kind, c.Post.Slug, c.Post.PublishedAt, c.BodySource, c.Status, c.CreatedAt, c.AuthorVia })
            .ToListAsync(ct);
        return rows.Select(r => new ReaderComment(r.Id, r.Title, PostUrls.PathFor(r.Kind, r.Slug, r.PublishedAt, zone) + "#comment-" + r.Id,
            r.BodySource, r.Status, r.CreatedAt, r.AuthorVia)).ToList();
    }

    public async Task<List<ReaderSubscription>> SubscriptionsAsync(string? email, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(email)) return [];
        var zone = SiteTime.Zone(await settings.GetAsync(ct));
        var rows = await db.Set<CommentSubscription>().AsNoTracking().Where(s => s.Email == email && s.UnsubscribedAt == null)
            .Join(db.Posts, s => s.PostId, p => p.Id, (s, p) => new { p.Title, p.Kind, p.Slug, p.PublishedAt, s.Scope, s.ConfirmedAt, s.Token })
            .ToListAsync(ct);
        return rows.Select(r => new ReaderSubscription(r.Title, PostUrls.PathFor(r.Kind, r.Slug, r.PublishedAt, zone), r.Scope, r.ConfirmedAt is not null, r.Token)).ToList();
    }

    public Task<List<SecurityEvent>> SignInsAsync(string userId, CancellationToken ct = default) =>
        db.SecurityEvents.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.At).Take(200).ToListAsync(ct);
}
