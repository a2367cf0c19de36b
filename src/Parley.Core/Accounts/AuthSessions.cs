using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Accounts;

/// <summary>
/// The signed-in browsers of one account, for "your devices" and for ending them. Pages name a session
/// by a hash of its key (<see cref="Handle"/>), never the key itself.
/// </summary>
public sealed class AuthSessions(ParleyDbContext db)
{
    public sealed record Device(string Handle, DateTime CreatedAt, DateTime LastSeenAt, string? UserAgent, string? Ip);

    public static string Handle(string sessionKey) => EmailSignIn.Hash(sessionKey)[..16];

    public async Task<List<Device>> ListAsync(string userId, CancellationToken ct = default)
    {
        var rows = await db.Set<AuthSession>().AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.LastSeenAt)
            .Select(s => new { s.Id, s.CreatedAt, s.LastSeenAt, s.UserAgent, s.Ip }).ToListAsync(ct);
        return rows.Select(r => new Device(Handle(r.Id), r.CreatedAt, r.LastSeenAt, r.UserAgent, r.Ip)).ToList();
    }

    /// <summary>Ends one session of this account, named by its handle (another account's does nothing).</summary>
    public async Task<int> EndAsync(string userId, string handle, CancellationToken ct = default)
    {
        var keys = await db.Set<AuthSession>().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct);
        var key = keys.FirstOrDefault(k => Handle(k) == handle);
        return key is null ? 0 : await db.Set<AuthSession>().Where(s => s.Id == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ends every session of the account except <paramref name="keep"/> (the one asking, if any).</summary>
    public Task<int> EndAllAsync(string userId, string? keep = null, CancellationToken ct = default) =>
        db.Set<AuthSession>().Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(ct);
}
