using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Core.Notifications;

/// <summary>
/// Who hears of a comment: the post's author (new and held comments, as the owner chooses) and the
/// readers who subscribed and confirmed. Never the comment's own author, never an unconfirmed address.
/// Mail is only queued here; it is saved with the caller's next SaveChanges.
/// </summary>
public sealed class CommentNotifier(ParleyDbContext db, MailQueue mail, ISiteLinks links, SettingsService settings, TimeProvider clock)
{
    /// <summary>A comment became visible: tell the author and the subscribers, once.</summary>
    public async Task ApprovedAsync(Comment comment, CancellationToken ct)
    {
        if (comment.NotifiedAt is not null) return;
        comment.NotifiedAt = clock.GetUtcNow().UtcDateTime;
        var site = await settings.GetAsync(ct);
        var post = await PostAsync(comment.PostId, ct);
        var link = links.Absolute(post.Path + "#comment-" + comment.Id);
        var excerpt = Excerpt(comment.BodySource);

        if (site.NotifyAuthorOfComments && post.AuthorEmail is { } authorEmail && !Same(authorEmail, comment.AuthorEmail) && post.AuthorId != comment.AuthorUserId)
            mail.Enqueue(authorEmail, $"New comment on “{post.Title}”", $"{comment.AuthorName} wrote:\n\n{excerpt}\n\nRead and reply: {link}\n");

        var subscribers = await db.Set<CommentSubscription>().AsNoTracking()
            .Where(s => s.PostId == comment.PostId && s.ConfirmedAt != null && s.UnsubscribedAt == null &&
                        (s.Scope == SubscriptionScope.Thread || (s.Scope == SubscriptionScope.Replies && s.CommentId == comment.ParentId)))
            .ToListAsync(ct);
        foreach (var subscriber in subscribers.Where(s => !Same(s.Email, comment.AuthorEmail) && !Same(s.Email, post.AuthorEmail)).DistinctBy(s => s.Email.ToLowerInvariant()))
        {
            var what = subscriber.Scope == SubscriptionScope.Thread ? "a new comment" : "a reply to your comment";
            var unsubscribe = links.Absolute($"/comments/subscription/{subscriber.Token}");
            mail.Enqueue(subscriber.Email, $"{comment.AuthorName} left {what} on “{post.Title}”",
                $"{comment.AuthorName} wrote:\n\n{excerpt}\n\nRead and reply: {link}\n\nYou get this because you asked to follow {(subscriber.Scope == SubscriptionScope.Thread ? "this discussion" : "replies to your comment")}.\nStop these emails: {unsubscribe}\n",
                unsubscribe + "/unsubscribe");
        }
    }

    /// <summary>A comment waits for moderation: tell the author if the owner wants that.</summary>
    public async Task HeldAsync(Comment comment, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        if (!site.NotifyAuthorOfHeldComments) return;
        var post = await PostAsync(comment.PostId, ct);
        if (post.AuthorEmail is null) return;
        mail.Enqueue(post.AuthorEmail, $"A comment on “{post.Title}” waits for approval",
            $"{comment.AuthorName} wrote:\n\n{Excerpt(comment.BodySource)}\n\nModerate it: {links.Absolute("/admin/comments")}\n");
    }

    /// <summary>
    /// Records a reader's wish to follow a post or replies to their comment. An address that has already
    /// confirmed a subscription is trusted; a new one gets one confirmation mail (double opt-in).
    /// </summary>
    public async Task SubscribeAsync(Comment comment, SubscriptionScope scope, CancellationToken ct)
    {
        if (comment.AuthorEmail is not { } email) return;
        var subscriptions = db.Set<CommentSubscription>();
        var existing = await subscriptions.AnyAsync(s => s.Email == email && s.PostId == comment.PostId && s.Scope == SubscriptionScope.Thread && s.UnsubscribedAt == null, ct);
        if (existing && scope == SubscriptionScope.Thread) return;
        var trusted = await subscriptions.AnyAsync(s => s.Email == email && s.ConfirmedAt != null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var subscription = new CommentSubscription
        {
            PostId = comment.PostId, CommentId = scope == SubscriptionScope.Replies ? comment.Id : null, Scope = scope, Email = email,
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), CreatedAt = now, ConfirmedAt = trusted ? now : null,
        };
        subscriptions.Add(subscription);
        if (trusted) return;
        var post = await PostAsync(comment.PostId, ct);
        var confirm = links.Absolute($"/comments/subscription/{subscription.Token}");
        mail.Enqueue(email, $"Confirm: follow the discussion on “{post.Title}”",
            $"Someone, hopefully you, asked to be told by email of {(scope == SubscriptionScope.Thread ? "new comments" : "replies to their comment")} on “{post.Title}”.\n\n" +
            $"To confirm, open this link and press Confirm:\n{confirm}\n\nIf it was not you, ignore this mail: nothing more will be sent.\n");
    }

    private sealed record PostInfo(string Title, string Path, string AuthorId, string? AuthorEmail);

    private readonly Dictionary<int, PostInfo> _posts = [];

    private async Task<PostInfo> PostAsync(int postId, CancellationToken ct)
    {
        if (_posts.TryGetValue(postId, out var known)) return known;
        var zone = SiteTime.Zone(await settings.GetAsync(ct));
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId)
            .Select(p => new { p.Title, p.Kind, p.Slug, p.PublishedAt, p.AuthorId, AuthorEmail = p.Author!.Email }).SingleAsync(ct);
        return _posts[postId] = new PostInfo(post.Title, PostUrls.PathFor(post.Kind, post.Slug, post.PublishedAt, zone), post.AuthorId, post.AuthorEmail);
    }

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Excerpt(string text) => text.Length <= 1000 ? text : text[..1000] + "…";
}
