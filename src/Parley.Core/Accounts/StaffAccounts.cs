using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Core.Accounts;

/// <summary>
/// The staff, as an administrator manages them: invitations by email (a link valid for seven days,
/// used once), role changes, deactivation. Every change goes into the security log.
/// </summary>
public sealed class StaffAccounts(ParleyDbContext db, UserManager<ParleyUser> users, MailQueue mail, ISiteLinks links,
    SettingsService settings, SecurityLog log, AuthSessions sessions, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public sealed record StaffMember(string Id, string DisplayName, string Email, string Role, DateTime? LastSignInAt, bool Deactivated, bool TwoFactor);

    public async Task<List<StaffMember>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.Users.Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u, ur.RoleId })
            .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new { x.u, Role = r.Name! })
            .OrderBy(x => x.u.DisplayName).ToListAsync(ct);
        return rows.Select(x => new StaffMember(x.u.Id, x.u.DisplayName, x.u.Email ?? "", x.Role, x.u.LastSignInAt, x.u.DeactivatedAt is not null, x.u.TwoFactorEnabled)).ToList();
    }

    public Task<List<Invitation>> OpenInvitationsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<Invitation>().Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now).OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
    }

    /// <summary>
    /// Mails an invitation to join with <paramref name="role"/>. A bad address or role is a <see cref="ValidationFailedException"/>;
    /// an address that already has a staff account or an open invitation is a <see cref="ConflictException"/>.
    /// </summary>
    public async Task<Invitation> InviteAsync(string? email, string? role, string inviterId, CancellationToken ct = default)
    {
        email = email?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (email.Length is 0 or > 254 || !new EmailAddressAttribute().IsValid(email)) errors["Email"] = ["Enter the email address to send the invitation to."];
        if (role is null || !Roles.All.Contains(role)) errors["Role"] = ["Choose a role: Administrator, Editor, Author or Contributor."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (await users.FindByNameAsync(email) is not null) throw new ConflictException("Email", "Someone on the staff already uses that address.");
        // A second open link to the same address would let either be used; the first is withdrawn on the Users page.
        var lowered = email.ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<Invitation>().AnyAsync(i => i.Email.ToLower() == lowered && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct))
            throw new ConflictException("Email", "An invitation to that address is still open. Withdraw it first to send a new one.");

        var token = EmailSignIn.Token(32);
        var invitation = new Invitation { Email = email, Role = role!, TokenHash = EmailSignIn.Hash(token), InvitedById = inviterId, CreatedAt = now, ExpiresAt = now + InvitationLifetime };
        db.Add(invitation);
        var site = await settings.GetAsync(ct);
        mail.Enqueue(email, $"You are invited to write for {site.Title}",
            $"You have been invited to join {site.Title} as {Article(role!)} {role}.\n\nAccept and choose your password here:\n{links.Absolute("/account/invitation?token=" + token)}\n\n" +
            $"The link works once, for {InvitationLifetime.TotalDays:0} days.\n", sensitive: true);
        await db.SaveChangesAsync(ct);
        await log.RecordAsync(SecurityLog.Kinds.Invited, null, $"{email} as {role}", actorId: inviterId, ct: ct);
        return invitation;
    }

    public async Task<Invitation?> FindInvitationAsync(string? token, CancellationToken ct = default)
    {
        if (token is not { Length: > 0 and <= 100 }) return null;
        var hash = EmailSignIn.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
    }

    /// <summary>Creates the staff account from an invitation. The password goes through every password rule.</summary>
    public async Task<ParleyUser> AcceptAsync(string token, string? displayName, string password, CancellationToken ct = default)
    {
        var invitation = await FindInvitationAsync(token, ct) ?? throw ValidationFailedException.For("", "This invitation has expired or was already used. Ask for a new one.");
        var name = ReaderAccounts.CleanName(displayName, invitation.Email);
        var user = new ParleyUser
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = name,
            Slug = await FreeSlugAsync(Slugs.FromText(name, "author"), ct), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new ValidationFailedException(new Dictionary<string, string[]> { ["Password"] = created.Errors.Select(e => e.Description).ToArray() });
        await users.AddToRoleAsync(user, invitation.Role);
        invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await log.RecordAsync(SecurityLog.Kinds.InvitationAccepted, user.Id, invitation.Role, actorId: invitation.InvitedById, ct: ct);
        return user;
    }

    /// <summary>
    /// An author account for someone who wrote on another site (an import): role Author, no password (they
    /// are invited or reset a password to sign in), the address unconfirmed. Their user name is their email
    /// when it is free, else <c>wordpress-{login}</c>.
    /// </summary>
    public async Task<ParleyUser> CreateImportedAsync(string displayName, string? email, string login, string actorId, CancellationToken ct = default)
    {
        var name = ReaderAccounts.CleanName(displayName, email);
        var userName = email is not null && await users.FindByNameAsync(email) is null ? email : null;
        if (userName is null)
        {
            var stem = "wordpress-" + Slugs.FromText(login, "author");
            userName = stem;
            for (var i = 2; await users.FindByNameAsync(userName) is not null; i++) userName = $"{stem}-{i}";
        }
        var user = new ParleyUser
        {
            UserName = userName, Email = email, EmailConfirmed = false, DisplayName = name,
            Slug = await FreeSlugAsync(Slugs.FromText(name, "author"), ct), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new ValidationFailedException(new Dictionary<string, string[]> { ["Author"] = created.Errors.Select(e => e.Description).ToArray() });
        // A fresh site's roles are made at start; a database set up some other way may not have this one yet.
        if (!await db.Roles.AnyAsync(r => r.NormalizedName == Roles.Author.ToUpperInvariant(), ct))
        {
            db.Roles.Add(new IdentityRole(Roles.Author) { NormalizedName = Roles.Author.ToUpperInvariant() });
            await db.SaveChangesAsync(ct);
        }
        await users.AddToRoleAsync(user, Roles.Author);
        await log.RecordAsync(SecurityLog.Kinds.Imported, user.Id, $"{login} from WordPress, as {Roles.Author}", actorId: actorId, ct: ct);
        return user;
    }

    public async Task RevokeInvitationAsync(int id, string actorId, CancellationToken ct = default)
    {
        await db.Set<Invitation>().Where(i => i.Id == id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, clock.GetUtcNow().UtcDateTime), ct);
    }

    public async Task ChangeRoleAsync(string userId, string? role, string actorId, CancellationToken ct = default)
    {
        if (role is null || !Roles.All.Contains(role)) throw ValidationFailedException.For("Role", "Choose a role: Administrator, Editor, Author or Contributor.");
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("The staff account");
        var current = await users.GetRolesAsync(user);
        if (current.Count == 0) throw new NotFoundException("The staff account");
        if (current.Contains(role)) return;
        if (current.Contains(Roles.Administrator)) await EnsureAnotherAdministratorAsync(userId, ct);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        // The role is part of each sign-in: end them, so the new role applies from the next sign-in on.
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(userId, ct: ct);
        await log.RecordAsync(SecurityLog.Kinds.RoleChanged, userId, $"{string.Join(",", current)} → {role}", actorId: actorId, ct: ct);
    }

    /// <summary>
    /// Deactivates (signed out everywhere, no sign-in) or reactivates a staff account. The last active administrator
    /// stays (<see cref="ConflictException"/>), and nobody deactivates themselves.
    /// </summary>
    public async Task SetActiveAsync(string userId, bool active, string actorId, CancellationToken ct = default)
    {
        // A reader's id reads like an unknown one: readers are not staff to manage here.
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("The staff account");
        var roles = await users.GetRolesAsync(user);
        if (roles.Count == 0) throw new NotFoundException("The staff account");
        if ((user.DeactivatedAt is null) == active) return;   // already so: nothing to log or sign out
        // Checked before the own-account rule, so the only administrator hears the reason that matters.
        if (!active && roles.Contains(Roles.Administrator)) await EnsureAnotherAdministratorAsync(userId, ct);
        if (userId == actorId) throw ValidationFailedException.For("", "You cannot deactivate your own account.");
        user.DeactivatedAt = active ? null : clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        // Signed out everywhere, at once.
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(userId, ct: ct);
        await log.RecordAsync(active ? SecurityLog.Kinds.Reactivated : SecurityLog.Kinds.Deactivated, userId, null, actorId: actorId, ct: ct);
    }

    /// <summary>
    /// Changes a staff member's display name and/or role (null leaves either as it is). Everything is checked before
    /// anything changes, so a refused role change leaves the name as it was too.
    /// </summary>
    public async Task UpdateAsync(string userId, string? displayName, string? role, string actorId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("The staff account");
        if ((await users.GetRolesAsync(user)).Count == 0) throw new NotFoundException("The staff account");
        string? name = null;
        if (displayName is not null)
        {
            if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > ReaderAccounts.NameLength)
                throw ValidationFailedException.For("Name", $"Give a display name of up to {ReaderAccounts.NameLength} characters.");
            name = ReaderAccounts.CleanName(displayName, user.Email);
        }
        if (role is not null) await ChangeRoleAsync(userId, role, actorId, ct);
        if (name is null || name == user.DisplayName) return;
        var before = user.DisplayName;
        user.DisplayName = name;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) throw new ValidationFailedException(new Dictionary<string, string[]> { ["Name"] = updated.Errors.Select(e => e.Description).ToArray() });
        await log.RecordAsync(SecurityLog.Kinds.Renamed, userId, $"{before} → {name}", actorId: actorId, ct: ct);
        // The name is shown beside their posts: pages and feeds are out of date.
        await settings.TouchContentAsync(clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>The site must keep at least one active administrator.</summary>
    private async Task EnsureAnotherAdministratorAsync(string exceptUserId, CancellationToken ct)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (!admins.Any(a => a.Id != exceptUserId && a.DeactivatedAt is null))
            throw new ConflictException("", "The site needs at least one active administrator. Make someone else an administrator first.");
    }

    private async Task<string> FreeSlugAsync(string slug, CancellationToken ct)
    {
        var candidate = slug;
        for (var i = 2; await db.Users.AnyAsync(u => u.Slug == candidate, ct); i++) candidate = $"{slug}-{i}";
        return candidate;
    }

    private static string Article(string role) => role.StartsWith('A') || role.StartsWith('E') ? "an" : "a";
}
