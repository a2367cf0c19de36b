using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Parley.Web.Theme.Comments;

/// <summary>
/// What the browser remembers about its reader, signed and encrypted with Data Protection so it can
/// be neither read nor forged: the details for "Save my name, email and website", and the ids of the
/// reader's own comments, so a held comment is shown to its author and no one else.
/// </summary>
public sealed class CommenterCookies(IDataProtectionProvider protection)
{
    public const string DetailsCookie = "parley_commenter";
    public const string OwnCookie = "parley_own";
    public const string ReaderCookie = "parley_reader";
    private const int MaxOwn = 30;
    private readonly IDataProtector _details = protection.CreateProtector("Parley.Comments.Details");
    private readonly IDataProtector _own = protection.CreateProtector("Parley.Comments.Own");
    private readonly IDataProtector _reader = protection.CreateProtector("Parley.Comments.Reader");

    public sealed record Details(string? Name, string? Email, string? Website);

    public Details? ReadDetails(HttpRequest request) => Read<Details>(request, DetailsCookie, _details);

    public void SaveDetails(HttpResponse response, Details details) =>
        Write(response, DetailsCookie, _details, details, TimeSpan.FromDays(365));

    public void ForgetDetails(HttpResponse response) => response.Cookies.Delete(DetailsCookie);

    public IReadOnlyList<int> ReadOwn(HttpRequest request) => Read<int[]>(request, OwnCookie, _own) ?? [];

    public void AddOwn(HttpRequest request, HttpResponse response, int commentId)
    {
        var ids = ReadOwn(request).Append(commentId).Distinct().TakeLast(MaxOwn).ToArray();
        Write(response, OwnCookie, _own, ids, TimeSpan.FromDays(30));
    }

    /// <summary>
    /// A stable, anonymous key for this browser (for one like and one report per reader), made on first
    /// use. Only a hash of the random id is stored, so the database cannot link it back to the cookie.
    /// </summary>
    public string ReaderKey(HttpRequest request, HttpResponse response)
    {
        var id = Read<string>(request, ReaderCookie, _reader);
        if (id is null)
        {
            id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            Write(response, ReaderCookie, _reader, id, TimeSpan.FromDays(365));
        }
        return "r:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)).AsSpan(0, 15));
    }

    private static T? Read<T>(HttpRequest request, string name, IDataProtector protector)
    {
        if (!request.Cookies.TryGetValue(name, out var value) || value.Length > 4000) return default;
        try { return JsonSerializer.Deserialize<T>(protector.Unprotect(value)); }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return default; // tampered with, or from keys that no longer exist: treat as absent
        }
    }

    private static void Write<T>(HttpResponse response, string name, IDataProtector protector, T value, TimeSpan lifetime) =>
        response.Cookies.Append(name, protector.Protect(JsonSerializer.Serialize(value)), new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = lifetime,
            IsEssential = true,
        });
}
