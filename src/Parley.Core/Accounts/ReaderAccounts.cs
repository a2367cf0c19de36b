using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Comments;
using Parley.Core.Data;

namespace Parley.Core.Accounts;

/// <summary>
/// Reader accounts: made on first sign-in from an outside identity, holding several identities,
/// and deleted on request. Readers have no role; a staff account is never created or joined here.
/// </summary>
public sealed class ReaderAccounts(UserManager<ParleyUser> users, ParleyDbContext db, TimeProvider clock, Settings.SettingsService settings)
{
    public const int NameLength = 60;

    public Task<ParleyUser?> FindAsync(OutsideIdentity identity) => users.FindByLoginAsync(identity.Issuer, identity.Subject);

    /// <summary>The account that identity belongs to; a new reader account when it belongs to none.</summary>
    public async Task<ParleyUser> FindOrCreateAsync(OutsideIdentity identity)
    {
        if (await FindAsync(identity) is { } existing) return existing;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var user = new ParleyUser
        {
            UserName = "reader-" + id, Slug = "reader-" + id,
            DisplayName = CleanName(identity.Name, identity.Email),
            Email = identity.Email, EmailConfirmed = identity.Email is not null && identity.EmailVerified,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user));
        var added = await users.AddLoginAsync(user, new UserLoginInfo(identity.Issuer, identity.Subject, identity.ProviderName));
        if (!added.Succeeded)
        {
            // Another request made the same identity's account a moment ago: keep that one.
            await users.DeleteAsync(user);
            return await FindAsync(identity) ?? throw new InvalidOperationException("Could not record the sign-in identity.");
        }
        return user;
    }

    /// <summary>
    /// A reader account (never staff) whose address is confirmed and equals <paramref name="email"/>:
    /// the one a new, provider-verified identity may be linked to, if the reader agrees.
    /// </summary>
    public async Task<ParleyUser?> FindVerifiedReaderByEmailAsync(string email, CancellationToken ct = default)
    {
        var normalized = users.NormalizeEmail(email);
        return await db.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed && u.DeactivatedAt == null)
            .Where(u => !db.UserRoles.Any(r => r.UserId == u.Id)).OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>Adds an identity to a signed-in reader. Refused when it already belongs to someone else.</summary>
    public async Task<IdentityResult> LinkAsync(ParleyUser user, OutsideIdentity identity)
    {
        var owner = await FindAsync(identity);
        if (owner?.Id == user.Id) return IdentityResult.Success;
        if (owner is not null)
            return IdentityResult.Failed(new IdentityError { Code = "IdentityTaken", Description = $"That {identity.ProviderName} account is already linked to another profile on this site. Sign in with it and delete that profile first, or use a different account." });
        return await users.AddLoginAsync(user, new UserLoginInfo(identity.Issuer, identity.Subject, identity.ProviderName));
    }

    /// <summary>Removes an identity unless it is the last way into the account.</summary>
    public async Task<IdentityResult> UnlinkAsync(ParleyUser user, string issuer, string subject)
    {
        var logins = await users.GetLoginsAsync(user);
        var hasOtherWay = logins.Count > 1 || await users.HasPasswordAsync(user) || (await users.GetPasskeysAsync(user)).Count > 0;
        if (!hasOtherWay)
            return IdentityResult.Failed(new IdentityError { Code = "LastIdentity", Description = "This is the only way into your profile. Link another account or add a passkey first." });
        return await users.RemoveLoginAsync(user, issuer, subject);
    }

    /// <summary>
    /// A reader's own choice of name, or what a provider sent: format and control characters (bidi
    /// overrides among them) removed, spaces collapsed, 60 characters at most, never empty.
    /// </summary>
    public static string CleanName(string? raw, string? email = null)
    {
        var text = new StringBuilder();
        foreach (var rune in (raw ?? "").Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue;
            if (Rune.IsWhiteSpace(rune)) { if (text.Length > 0 && text[^1] != ' ') text.Append(' '); continue; }
            text.Append(rune.ToString());
        }
        var name = text.ToString().Trim();
        if (name.Length > NameLength) name = name[..NameLength].TrimEnd();
        if (char.IsHighSurrogate(name.LastOrDefault())) name = name[..^1];
        if (name.Length > 0) return name;
        var local = email?.Split('@')[0];
        return string.IsNullOrWhiteSpace(local) ? "Reader" : CleanName(local);
    }

    /// <summary>
    /// Deletes a reader's account. Their comments are removed (replies to them stay, moved up a level)
    /// or kept without anything that says who wrote them — the reader's choice.
    /// </summary>
    public async Task DeleteAsync(ParleyUser user, bool deleteComments, CancellationToken ct = default)
    {
        if ((await users.GetRolesAsync(user)).Count > 0)
            throw new InvalidOperationException("Staff accounts are removed by an administrator, not from the reader page.");
        var theirs = await db.Comments.Where(c => c.AuthorUserId == user.Id).ToListAsync(ct);
        var postIds = theirs.Select(c => c.PostId).Distinct().ToList();
        if (deleteComments)
        {
            foreach (var comment in theirs.OrderByDescending(c => c.Depth))
                await CommentThreads.RemoveKeepingRepliesAsync(db, comment, ct);
        }
        else
        {
            foreach (var comment in theirs)
            {
                comment.AuthorName = "Former reader";
                (comment.AuthorEmail, comment.AuthorUrl, comment.AuthorUserId, comment.AuthorVia, comment.AuthorIp, comment.UserAgent) = (null, null, null, null, null, null);
                comment.AvatarKey = "anonymous";
            }
        }
        if (user.Email is { Length: > 0 } email)
            await db.Set<Notifications.CommentSubscription>().Where(s => s.Email == email).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        Check(await users.DeleteAsync(user));
        await CommentCounts.RecountAsync(db, postIds, ct);
        await settings.TouchDiscussionAsync(postIds, clock.GetUtcNow().UtcDateTime, ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
