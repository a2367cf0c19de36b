using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Core.Accounts;

/// <summary>Makes, checks and revokes personal API tokens (<c>parley_…</c>).</summary>
public sealed class ApiTokens(ParleyDbContext db, TimeProvider clock)
{
    public const string Marker = "parley_";

    public sealed record Created(ApiToken Token, string Secret);

    public async Task<Created> CreateAsync(string userId, string? name, bool canWrite, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) throw ValidationFailedException.For("Name", "Name the token (up to 100 characters), e.g. \"my static site\".");
        if (await db.Set<ApiToken>().CountAsync(t => t.UserId == userId && t.RevokedAt == null, ct) >= 50)
            throw ValidationFailedException.For("Name", "You have 50 tokens already. Revoke one first.");
        var secret = Marker + EmailSignIn.Token(32);
        var token = new ApiToken
        {
            UserId = userId, Name = name.Trim(), Prefix = secret[..(Marker.Length + 6)], TokenHash = EmailSignIn.Hash(secret),
            CanWrite = canWrite, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(token);
        await db.SaveChangesAsync(ct);
        return new Created(token, secret);
    }

    /// <summary>The live token for a secret, or null. Records the use at most once a minute.</summary>
    public async Task<ApiToken?> FindAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Marker, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = EmailSignIn.Hash(secret);
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is not null && (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1)))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return token;
    }

    public Task<List<ApiToken>> ListAsync(string userId, CancellationToken ct = default) =>
        db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);

    public Task<int> RevokeAsync(string userId, int id, CancellationToken ct = default) =>
        db.Set<ApiToken>().Where(t => t.Id == id && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow().UtcDateTime), ct);
}
