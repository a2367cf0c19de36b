using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Notifications;
using Parley.Core.Settings;

namespace Parley.Core.Accounts;

/// <summary>
/// Passwordless sign-in by email: one message carries a six-digit code (for in-app browsers that lose
/// links) and a link. Either works once, for fifteen minutes. Staff accounts get a message telling
/// them to use their password instead, so a mailbox alone never bypasses a staff password or its
/// second factor — and the page says the same thing whoever the address belongs to.
/// </summary>
public sealed class EmailSignIn(ParleyDbContext db, MailQueue mail, ISiteLinks links, SettingsService settings, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const int MaxFailedAttempts = 5;

    /// <summary>Queues the message and returns the request's handle for the code form.</summary>
    public async Task<string> SendAsync(string email, string? returnUrl, CancellationToken ct = default)
    {
        email = email.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var requestId = Token(16);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var link = Token(32);
        var site = await settings.GetAsync(ct);

        if (await IsStaffAsync(email, ct))
        {
            mail.Enqueue(email, $"Sign-in attempt on {site.Title}",
                $"Someone asked to sign in to {site.Title} with an emailed code for this address.\n\n" +
                "This address belongs to a staff account, and staff accounts sign in with their password " +
                $"(and second factor) at {links.Absolute("/account/signin")}.\n\nIf it was not you, nothing has changed.\n");
        }
        else
        {
            db.Add(new EmailSignInCode
            {
                RequestId = requestId, Email = email, CodeHash = Hash(requestId + ":" + code), LinkHash = Hash(link),
                ReturnUrl = returnUrl, CreatedAt = now, ExpiresAt = now + Lifetime,
            });
            mail.Enqueue(email, $"Your sign-in code for {site.Title}: {code}",
                $"Your code to sign in to {site.Title} is:\n\n    {code}\n\nOr open this link:\n{links.Absolute("/account/signin/code?link=" + link)}\n\n" +
                $"Both work once, for the next {Lifetime.TotalMinutes:0} minutes. If you did not ask for this, ignore this message.\n",
                sensitive: true);
        }
        await db.SaveChangesAsync(ct);
        return requestId;
    }

    /// <summary>The verified address and where to go next, or null for a wrong, used, expired or exhausted code.</summary>
    public async Task<Redeemed?> RedeemCodeAsync(string requestId, string code, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = await db.Set<EmailSignInCode>().FirstOrDefaultAsync(c => c.RequestId == requestId, ct);
        if (entry is null || entry.UsedAt is not null || entry.ExpiresAt <= now || entry.FailedAttempts >= MaxFailedAttempts) return null;
        var given = new string(code.Where(char.IsAsciiDigit).ToArray());
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(requestId + ":" + given)), Encoding.ASCII.GetBytes(entry.CodeHash)))
        {
            entry.FailedAttempts++;
            await db.SaveChangesAsync(ct);
            return null;
        }
        return await UseAsync(entry, now, ct);
    }

    public async Task<Redeemed?> RedeemLinkAsync(string link, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(link);
        var entry = await db.Set<EmailSignInCode>().FirstOrDefaultAsync(c => c.LinkHash == hash, ct);
        if (entry is null || entry.UsedAt is not null || entry.ExpiresAt <= now) return null;
        return await UseAsync(entry, now, ct);
    }

    /// <summary>Whether a request can still take a code (for the form's message after a wrong one).</summary>
    public async Task<bool> IsLiveAsync(string requestId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<EmailSignInCode>().AnyAsync(c => c.RequestId == requestId && c.UsedAt == null && c.ExpiresAt > now && c.FailedAttempts < MaxFailedAttempts, ct);
    }

    public sealed record Redeemed(string Email, string? ReturnUrl);

    private async Task<Redeemed?> UseAsync(EmailSignInCode entry, DateTime now, CancellationToken ct)
    {
        // Marked used in the same statement that checks it is unused: two tabs racing with one code get one sign-in.
        var won = await db.Set<EmailSignInCode>().Where(c => c.Id == entry.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (won == 0) return null;
        // Old requests are of no use to anyone; clear them while here.
        await db.Set<EmailSignInCode>().Where(c => c.ExpiresAt < now - TimeSpan.FromDays(1)).ExecuteDeleteAsync(ct);
        return new Redeemed(entry.Email, entry.ReturnUrl);
    }

    private async Task<bool> IsStaffAsync(string email, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized)
            .Join(db.UserRoles, u => u.Id, r => r.UserId, (u, r) => r).AnyAsync(ct);
    }

    /// <summary>A random secret for links and tokens: <paramref name="bytes"/> bytes, URL-safe base64.</summary>
    public static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
