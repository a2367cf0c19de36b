using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Parley.Core.Accounts;

namespace Parley.Web.Auth;

/// <summary>
/// An outside identity waiting for the reader's answer to "link it to your existing profile?": kept
/// for ten minutes in an encrypted cookie, so nothing is linked unless the same browser says yes.
/// </summary>
public sealed class PendingLink(IDataProtectionProvider protection, TimeProvider clock)
{
    private const string CookieName = "parley_pending_link";
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Parley.PendingLink").ToTimeLimitedDataProtector();

    public void Save(HttpResponse response, OutsideIdentity identity, string returnUrl) =>
        response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(new Pending(identity, returnUrl)), clock.GetUtcNow().AddMinutes(10)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps, MaxAge = TimeSpan.FromMinutes(10), Path = "/account" });

    public Pending? Read(HttpRequest request)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 and < 8000 } value) return null;
        try { return JsonSerializer.Deserialize<Pending>(_protector.Unprotect(value)); }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException) { return null; }
    }

    public void Clear(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = "/account" });

    public sealed record Pending(OutsideIdentity Identity, string ReturnUrl);
}
