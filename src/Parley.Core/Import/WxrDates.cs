using System.Globalization;

namespace Parley.Core.Import;

/// <summary>
/// WordPress writes dates as <c>yyyy-MM-dd HH:mm:ss</c>, once in UTC (<c>_gmt</c>) and once in the site's
/// own zone. Drafts carry <c>0000-00-00 00:00:00</c>, and broken exports carry years such as 9999: those
/// are "no date", never a date near the edge of the calendar that would overflow later arithmetic.
/// </summary>
public static class WxrDates
{
    private static readonly DateTime Earliest = new(1000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(9998, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A <c>_gmt</c> value as UTC, or null when it is empty, zero, unreadable or outside the years 1000–9998.</summary>
    public static DateTime? Utc(string? value) =>
        Parse(value) is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;

    /// <summary>A local value, read in <paramref name="zone"/> (a time skipped by a clock change moves an hour on).</summary>
    public static DateTime? Local(string? value, TimeZoneInfo zone)
    {
        if (Parse(value) is not { } at) return null;
        var local = DateTime.SpecifyKind(at, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The UTC value when there is one, else the local value in the site's zone.</summary>
    public static DateTime? Either(string? gmt, string? local, TimeZoneInfo zone) => Utc(gmt) ?? Local(local, zone);

    private static DateTime? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var at))
            return null;
        return at < Earliest || at > Latest ? null : at;
    }
}
