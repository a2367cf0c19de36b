using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Parley.Web.Theme.Comments;

/// <summary>
/// A signed "form shown at" stamp. Posting sooner than a person can type is what bots do; a form
/// older than a day is re-issued. Both are answered with the form kept, never with a lost comment.
/// </summary>
public sealed class FormTiming(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(1);
    private readonly IDataProtector _protector = protection.CreateProtector("Parley.Comments.FormTiming");

    /// <summary>A stamp saying the form was shown <paramref name="ago"/> before now.</summary>
    public string Issue(TimeSpan ago = default) => _protector.Protect((clock.GetUtcNow() - ago).UtcTicks.ToString(CultureInfo.InvariantCulture));

    public enum Verdict { Fine, TooFast, Expired, Missing }

    public Verdict Check(string? issued, TimeSpan minimum)
    {
        if (string.IsNullOrEmpty(issued) || issued.Length > 500) return Verdict.Missing;
        long ticks;
        try { ticks = long.Parse(_protector.Unprotect(issued), CultureInfo.InvariantCulture); }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException) { return Verdict.Missing; }
        var age = clock.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
        return age < minimum ? Verdict.TooFast : age > Maximum ? Verdict.Expired : Verdict.Fine;
    }
}
