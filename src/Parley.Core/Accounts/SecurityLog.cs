using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Accounts;

/// <summary>Records who signed in, who failed, and who changed whose role; read on the admin users page.</summary>
public sealed class SecurityLog(ParleyDbContext db, TimeProvider clock)
{
    public static class Kinds
    {
        public const string SignIn = "sign-in";
        public const string SignInFailed = "sign-in-failed";
        public const string SignOut = "sign-out";
        public const string RoleChanged = "role-changed";
        public const string Renamed = "renamed";
        public const string Invited = "invited";
        public const string InvitationAccepted = "invitation-accepted";
        public const string Deactivated = "deactivated";
        public const string Reactivated = "reactivated";
        public const string PasswordChanged = "password-changed";
        public const string PasswordReset = "password-reset";
        public const string TwoFactorEnabled = "two-factor-on";
        public const string TwoFactorDisabled = "two-factor-off";
        public const string PasskeyAdded = "passkey-added";
        public const string IdentityLinked = "identity-linked";
        public const string IdentityRemoved = "identity-removed";
        public const string AccountDeleted = "account-deleted";
        public const string Imported = "imported";
    }

    public async Task RecordAsync(string kind, string? userId, string? detail = null, string? ip = null, string? actorId = null, CancellationToken ct = default)
    {
        db.Add(new SecurityEvent
        {
            At = clock.GetUtcNow().UtcDateTime, Kind = kind, UserId = userId, ActorId = actorId,
            Detail = detail is { Length: > 500 } ? detail[..500] : detail, Ip = ip,
        });
        await db.SaveChangesAsync(ct);
    }

    public Task<List<SecurityEvent>> RecentAsync(string? userId = null, int take = 100, CancellationToken ct = default) =>
        db.SecurityEvents.Where(e => userId == null || e.UserId == userId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take).ToListAsync(ct);
}
