using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Rendering;
using Parley.Core.Settings;

namespace Parley.Core.Comments;

/// <summary>
/// The rules for a new comment: only the service decides whether one is allowed, where it goes in the
/// thread and whether it waits for a moderator. Every writer (the reply form, the API, the importer)
/// comes through here.
/// </summary>
public sealed class CommentService(ParleyDbContext db, CommentMarkdownRenderer renderer, SettingsService settingsService,
    Notifications.CommentNotifier notifier, Spam.ISpamCheck spamCheck, Notifications.ISiteLinks links, TimeProvider clock)
{
    public async Task<Comment> PostAsync(CommentInput input, CommenterContext who, CancellationToken ct = default)
    {
        var settings = await settingsService.GetAsync(ct);
        if (!settings.CommentsAllowGuests && who.UserId is null)
            throw ValidationFailedException.For("Name", "Only signed-in readers can comment on this site.");
        var fields = CommentFields.Validate(input, settings.CommentsRequireNameAndEmail && who.UserId is null);
        var now = clock.GetUtcNow().UtcDateTime;

        var post = await db.Posts.AsNoTracking().Where(PostQueries.IsPublicAt(now)).Where(p => p.Id == input.PostId)
            .Select(p => new { p.Id, p.Slug, p.CommentsOpen, p.CommentsCloseAfterDays, PublishedAt = p.PublishedAt!.Value }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The post");
        if (!IsOpen(post.CommentsOpen, post.CommentsCloseAfterDays, post.PublishedAt, settings, now))
            throw ValidationFailedException.For("Body", "Comments are closed on this post.");

        var (parentId, depth) = await PlaceInThreadAsync(input, settings, ct);

        if (ModerationRules.Matches(settings.CommentBlockList, fields.Name, fields.Email, fields.Website, fields.Body, who.Ip))
            throw new CommentRejectedException();
        var bodyHash = HashBody(fields.Body);
        var duplicate = await db.Comments.AnyAsync(c => c.PostId == post.Id && c.BodyHash == bodyHash && c.BodySource == fields.Body &&
            c.AuthorName == fields.Name && c.AuthorEmail == fields.Email && c.Status != CommentStatus.Trash, ct);
        if (duplicate) throw ValidationFailedException.For("Body", "You have already posted this comment here.");

        var html = renderer.Render(fields.Body);
        var comment = new Comment
        {
            PostId = post.Id, ParentId = parentId, Depth = depth,
            AuthorName = fields.Name, AuthorEmail = fields.Email, AuthorUrl = fields.Website, AuthorUserId = who.UserId, AuthorVia = who.UserId is null ? null : who.Via,
            AvatarKey = AvatarKey(settings, fields.Email ?? fields.Name), AuthorIp = who.Ip,
            UserAgent = who.UserAgent is { Length: > CommentLimits.UserAgent } ua ? ua[..CommentLimits.UserAgent] : who.UserAgent,
            BodySource = fields.Body, BodyHtml = html, BodyHash = bodyHash, CreatedAt = now,
        };
        comment.Status = !who.IsStaff && await NeedsModerationAsync(comment, settings, ct) ? CommentStatus.Pending : CommentStatus.Approved;
        if (settings.SpamCheckEnabled && !who.IsStaff)
        {
            var permalink = links.Absolute(PostUrls.PathFor(PostKind.Post, post.Slug, post.PublishedAt, SiteTime.Zone(settings)));
            comment.Status = await spamCheck.CheckAsync(new Spam.SpamCandidate(comment, permalink, who.Referrer), settings, ct) switch
            {
                Spam.SpamVerdict.Spam => CommentStatus.Spam,
                Spam.SpamVerdict.Unknown => CommentStatus.Pending,
                _ => comment.Status,
            };
        }

        return await settingsService.InOneCommitAsync(async write =>
        {
            db.Comments.Add(comment);
            await db.SaveChangesAsync(write); // the notifier's links need the comment's id
            if (comment.Status == CommentStatus.Approved) await notifier.ApprovedAsync(comment, write);
            else if (comment.Status == CommentStatus.Pending) await notifier.HeldAsync(comment, write);
            if (input.Notify is { } scope) await notifier.SubscribeAsync(comment, scope, write);
            await db.SaveChangesAsync(write);
            if (comment.Status == CommentStatus.Approved)
            {
                await CommentCounts.AddOneAsync(db, post.Id, write);
                await settingsService.TouchDiscussionAsync([post.Id], now, write);
            }
            return comment;
        });
    }

    /// <summary>
    /// Saves a comment from another site (an import). No rate limit, block list, spam check or notification
    /// applies: it was moderated there and keeps its state. It is cleaned and rendered like a new comment and
    /// must fit the same limits; fields that cannot be kept (an email that is not an address) are dropped and
    /// listed in <see cref="ImportedComment.Changes"/>. Replies below the site's deepest level attach to that
    /// level, as new replies do. The post's comment count is not recounted here: the importer does it once per post.
    /// </summary>
    /// <exception cref="ValidationFailedException">The text is empty or longer than a comment may be.</exception>
    public async Task<ImportedComment> ImportAsync(CommentImport input, CancellationToken ct = default)
    {
        var settings = await settingsService.GetAsync(ct);
        var changes = new List<string>();
        var body = input.Body.Trim();
        if (body.Length == 0) throw ValidationFailedException.For("Body", "The comment has no text.");
        if (body.Length > CommentLimits.Body) throw ValidationFailedException.For("Body", $"The comment is {body.Length:N0} characters long; the limit is {CommentLimits.Body:N0}.");

        var name = (input.Name ?? "").Trim();
        if (name.Length > CommentLimits.Name)
        {
            name = name[..CommentLimits.Name].TrimEnd();
            changes.Add($"The name was cut to {CommentLimits.Name} characters.");
        }
        if (name.Length == 0) name = "Anonymous";
        var email = (input.Email ?? "").Trim();
        if (email.Length > 0 && (email.Length > CommentLimits.Email || !CommentFields.IsEmail(email)))
        {
            changes.Add($"The email \"{email}\" is not an address and was left out.");
            email = "";
        }
        string? website = null;
        if (!string.IsNullOrWhiteSpace(input.Website) && (website = CommentFields.NormalizeWebsite(input.Website.Trim())) is null)
            changes.Add($"The website \"{input.Website.Trim()}\" is not an http or https address and was left out.");
        string? ip = null;
        if (!string.IsNullOrWhiteSpace(input.Ip))
        {
            if (System.Net.IPAddress.TryParse(input.Ip.Trim(), out var address)) ip = address.ToString();
            else changes.Add($"The IP address \"{input.Ip.Trim()}\" is not one and was left out.");
        }

        if (!await db.Posts.AnyAsync(p => p.Id == input.PostId, ct)) throw new NotFoundException("The post");
        int? parentId = null;
        var depth = 0;
        if (input.ParentId is { } wanted)
        {
            var parent = db.Comments.Local.FirstOrDefault(c => c.Id == wanted)
                ?? await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == wanted, ct);
            if (parent is null || parent.PostId != input.PostId) changes.Add("The comment it answered is not there; it is shown at the top level.");
            else
            {
                var deepest = Math.Max(1, settings.CommentThreadDepth) - 1;
                (parentId, depth) = parent.Depth >= deepest ? (parent.ParentId ?? parent.Id, deepest) : (parent.Id, parent.Depth + 1);
            }
        }

        var emailOrNull = email.Length == 0 ? null : email.ToLowerInvariant();
        var comment = new Comment
        {
            PostId = input.PostId, ParentId = parentId, Depth = depth, Kind = input.Kind, Status = input.Status,
            AuthorName = name, AuthorEmail = emailOrNull, AuthorUrl = website, AuthorUserId = input.AuthorUserId, AuthorIp = ip,
            AvatarKey = AvatarKey(settings, emailOrNull ?? name),
            BodySource = body, BodyHtml = renderer.Render(body), BodyHash = HashBody(body), CreatedAt = input.CreatedAt,
            // Subscribers were told (or not) on the old site; approving it later here must not mail them now.
            NotifiedAt = input.Status == CommentStatus.Approved ? input.CreatedAt : null,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        return new ImportedComment(comment, changes);
    }

    /// <summary>Recounts a post's approved comments after an import wrote its thread.</summary>
    public Task RecountAsync(int postId, CancellationToken ct = default) => CountApprovedAsync(postId, clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>
    /// A reply written by staff from the moderation queue: approved at once, under their account, and
    /// allowed on a held parent (answering is often how a moderator deals with one). The parent is approved too.
    /// </summary>
    public async Task<Comment> ReplyAsStaffAsync(int parentId, string body, Accounts.ParleyUser staff, CancellationToken ct = default)
    {
        var settings = await settingsService.GetAsync(ct);
        var fields = CommentFields.Validate(new CommentInput { Name = staff.DisplayName, Email = staff.Email, Body = body }, requireNameAndEmail: false);
        var parent = await db.Comments.FirstOrDefaultAsync(c => c.Id == parentId, ct)
            ?? throw ValidationFailedException.For("ParentId", "The comment you are replying to is not there any more.");
        if (parent.Status is CommentStatus.Spam or CommentStatus.Trash)
            throw ValidationFailedException.For("ParentId", "Restore the comment before replying to it.");
        var now = clock.GetUtcNow().UtcDateTime;
        parent.Status = CommentStatus.Approved;
        var deepest = Math.Max(1, settings.CommentThreadDepth) - 1;
        var reply = new Comment
        {
            PostId = parent.PostId, ParentId = parent.Depth >= deepest ? parent.ParentId ?? parent.Id : parent.Id,
            Depth = Math.Min(parent.Depth + 1, deepest), AuthorName = fields.Name, AuthorEmail = fields.Email, AuthorUserId = staff.Id,
            AvatarKey = AvatarKey(settings, fields.Email ?? fields.Name), BodySource = fields.Body, BodyHtml = renderer.Render(fields.Body), BodyHash = HashBody(fields.Body),
            Status = CommentStatus.Approved, CreatedAt = now,
        };
        return await settingsService.InOneCommitAsync(async write =>
        {
            db.Comments.Add(reply);
            await db.SaveChangesAsync(write);
            await notifier.ApprovedAsync(parent, write);
            await notifier.ApprovedAsync(reply, write);
            await db.SaveChangesAsync(write);
            await CountApprovedAsync(parent.PostId, now, write);
            return reply;
        });
    }

    /// <summary>
    /// A commenter changes their own comment within the edit window (the web layer proves ownership).
    /// The edit is marked; if the new text trips a hold rule, the comment goes back to the queue.
    /// </summary>
    public async Task<Comment> EditOwnAsync(int commentId, string? body, CancellationToken ct = default)
    {
        var settings = await settingsService.GetAsync(ct);
        var comment = await OwnEditableAsync(commentId, settings, ct);
        var fields = CommentFields.Validate(new CommentInput { Name = comment.AuthorName, Email = comment.AuthorEmail, Body = body }, requireNameAndEmail: false);
        var now = clock.GetUtcNow().UtcDateTime;
        comment.BodySource = fields.Body;
        comment.BodyHtml = renderer.Render(fields.Body);
        comment.BodyHash = HashBody(fields.Body);
        comment.EditedAt = now;
        if (comment.Status == CommentStatus.Approved &&
            (CommentMarkdownRenderer.CountLinks(comment.BodyHtml) > settings.CommentMaxLinks ||
             ModerationRules.Matches(settings.CommentModerationList, comment.AuthorName, comment.AuthorEmail, comment.AuthorUrl, comment.BodySource, comment.AuthorIp)))
            comment.Status = CommentStatus.Pending;
        await settingsService.InOneCommitAsync(async write =>
        {
            await db.SaveChangesAsync(write);
            await CountApprovedAsync(comment.PostId, now, write);
        });
        return comment;
    }

    /// <summary>A commenter takes back their own comment within the edit window; it goes to the trash.</summary>
    public async Task DeleteOwnAsync(int commentId, CancellationToken ct = default)
    {
        var settings = await settingsService.GetAsync(ct);
        var comment = await OwnEditableAsync(commentId, settings, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new ModerationLogEntry { CommentId = comment.Id, Action = ModerationAction.Trash, FromStatus = comment.Status, ToStatus = CommentStatus.Trash, ModeratorId = "author", At = now });
        comment.Status = CommentStatus.Trash;
        await settingsService.InOneCommitAsync(async write =>
        {
            await db.SaveChangesAsync(write);
            await CountApprovedAsync(comment.PostId, now, write);
        });
    }

    /// <summary>The Markdown a comment was written in, for its author's edit form.</summary>
    public Task<string?> SourceAsync(int commentId, CancellationToken ct = default) =>
        db.Comments.Where(c => c.Id == commentId).Select(c => c.BodySource).FirstOrDefaultAsync(ct);

    /// <summary>Whether a comment written at <paramref name="createdAt"/> may still be changed by its author.</summary>
    public static bool InEditWindow(DateTime createdAt, SiteSettings settings, DateTime nowUtc) =>
        nowUtc - createdAt < TimeSpan.FromMinutes(settings.CommentEditMinutes);

    private async Task<Comment> OwnEditableAsync(int commentId, SiteSettings settings, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Pending), ct)
            ?? throw new NotFoundException("The comment");
        if (!InEditWindow(comment.CreatedAt, settings, clock.GetUtcNow().UtcDateTime))
            throw ValidationFailedException.For("Body", $"Comments can be changed for {settings.CommentEditMinutes} minutes after posting; this one can no longer be.");
        return comment;
    }

    /// <summary>Whether a post takes comments now: its own switch, then its own "close after N days", else the site's.</summary>
    public static bool IsOpen(bool commentsOpen, int? closeAfterDays, DateTime publishedAt, SiteSettings settings, DateTime nowUtc) =>
        commentsOpen && (ClosesAt(commentsOpen, closeAfterDays, publishedAt, settings) is not { } closes || closes > nowUtc);

    /// <summary>When an open discussion closes by itself (after the site's or the post's number of days); null when it does not.</summary>
    public static DateTime? ClosesAt(bool commentsOpen, int? closeAfterDays, DateTime publishedAt, SiteSettings settings) =>
        commentsOpen && (closeAfterDays ?? settings.CommentsCloseAfterDays) is { } days ? publishedAt.AddDays(days) : null;

    /// <summary>
    /// A reply must answer an approved comment of the same post. Below the deepest level it attaches
    /// to the deepest level instead (as WordPress does), so threads never grow narrower than a phone.
    /// </summary>
    private async Task<(int? ParentId, int Depth)> PlaceInThreadAsync(CommentInput input, SiteSettings settings, CancellationToken ct)
    {
        if (input.ParentId is not { } id) return (null, 0);
        var parent = await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.PostId, c.ParentId, c.Depth, c.Status }).FirstOrDefaultAsync(ct);
        if (parent is null || parent.PostId != input.PostId || parent.Status != CommentStatus.Approved)
            throw ValidationFailedException.For("ParentId", "The comment you are replying to is not there any more. Your reply can still be posted as a new comment.");
        var deepest = Math.Max(1, settings.CommentThreadDepth) - 1;
        return parent.Depth >= deepest ? (parent.ParentId ?? parent.Id, deepest) : (parent.Id, parent.Depth + 1);
    }

    private async Task<bool> NeedsModerationAsync(Comment comment, SiteSettings settings, CancellationToken ct)
    {
        if (settings.CommentModeration == ModerationPolicy.HoldAll) return true;
        if (CommentMarkdownRenderer.CountLinks(comment.BodyHtml) > settings.CommentMaxLinks) return true;
        if (ModerationRules.Matches(settings.CommentModerationList, comment.AuthorName, comment.AuthorEmail, comment.AuthorUrl, comment.BodySource, comment.AuthorIp))
            return true;
        if (settings.CommentModeration == ModerationPolicy.HoldFirst)
        {
            var needed = Math.Max(1, settings.CommentTrustAfter);
            var approved = comment.AuthorEmail is { } email
                ? await db.Comments.Where(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved).Take(needed).CountAsync(ct)
                : comment.AuthorUserId is { } userId
                    ? await db.Comments.Where(c => c.AuthorUserId == userId && c.Status == CommentStatus.Approved).Take(needed).CountAsync(ct)
                    : 0;
            return approved < needed;
        }
        return false;
    }

    /// <summary>Recounts a post's approved comments (exact even under concurrent posts) and moves the content version.</summary>
    internal async Task CountApprovedAsync(int postId, DateTime now, CancellationToken ct)
    {
        await CommentCounts.RecountAsync(db, [postId], ct);
        await settingsService.TouchDiscussionAsync([postId], now, ct);
    }

    /// <summary>The hash "already posted" compares: the first 16 bytes of SHA-256 of the source, as hex.</summary>
    public static string HashBody(string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)).AsSpan(0, 16));

    /// <summary>A keyed hash of the email: stable for the avatar, useless for finding the person elsewhere.</summary>
    public static string AvatarKey(SiteSettings settings, string identity)
    {
        var key = Encoding.UTF8.GetBytes(settings.AvatarSalt.Length > 0 ? settings.AvatarSalt : "parley");
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(identity.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
