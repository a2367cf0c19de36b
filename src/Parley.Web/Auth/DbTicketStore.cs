using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Data;

namespace Parley.Web.Auth;

/// <summary>
/// Keeps sign-ins in the database (the framework's <see cref="ITicketStore"/> seam): the cookie carries
/// a random key, so sign-out, "end this session", a password change or a deactivation end a session
/// the moment they happen, even for a copy of the cookie. One indexed read per signed-in request;
/// readers who are not signed in cost nothing.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock) : ITicketStore
{
    public const string SessionClaim = "parley:session";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = WebEncodersKey();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var request = http.HttpContext?.Request;
        var agent = request?.Headers.UserAgent.ToString();
        db.Add(new AuthSession
        {
            Id = key, UserId = UserId(ticket), Ticket = Serialize(ticket, key), CreatedAt = now, LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime, UserAgent = agent is { Length: > 300 } ? agent[..300] : agent,
            Ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync();
        // Sessions past their end are of no use; clear some while here.
        await db.Set<AuthSession>().Where(s => s.ExpiresAt < now).Take(100).ExecuteDeleteAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var bytes = Serialize(ticket, key);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<AuthSession>().Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.LastSeenAt, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (key.Length > 64) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var bytes = await db.Set<AuthSession>().AsNoTracking().Where(s => s.Id == key).Select(s => s.Ticket).FirstOrDefaultAsync();
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Set<AuthSession>().Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>The session's own key rides along as a claim, so a page knows which device is "this one".</summary>
    private static byte[] Serialize(AuthenticationTicket ticket, string key)
    {
        if (ticket.Principal.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionClaim))
            identity.AddClaim(new Claim(SessionClaim, key));
        return TicketSerializer.Default.Serialize(ticket);
    }

    private static string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sign-in without a user id.");

    private static string WebEncodersKey() => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
