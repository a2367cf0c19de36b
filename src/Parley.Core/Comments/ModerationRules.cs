namespace Parley.Core.Comments;

/// <summary>
/// Matches a comment against an owner's list (one entry per line): a word or phrase found in the
/// name, email, website or text; an exact email address; an IP range in CIDR form
/// (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>); or an address prefix such as <c>203.0.113.</c>.
/// </summary>
public static class ModerationRules
{
    public static bool Matches(string list, string name, string? email, string? website, string body, string? ip)
    {
        if (string.IsNullOrWhiteSpace(list)) return false;
        foreach (var raw in list.Split('\n'))
        {
            var entry = raw.Trim();
            if (entry.Length == 0 || entry.StartsWith('#')) continue;
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var range))
            {
                if (ip is not null && System.Net.IPAddress.TryParse(ip, out var address) && range.Contains(address)) return true;
                continue;
            }
            if (LooksLikeIp(entry))
            {
                if (ip is not null && ip.StartsWith(entry, StringComparison.OrdinalIgnoreCase)) return true;
                continue;
            }
            if (email is not null && entry.Contains('@') && string.Equals(entry, email, StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var field in new[] { name, email, website, body })
                if (field is not null && field.Contains(entry, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool LooksLikeIp(string entry) =>
        entry.All(c => char.IsAsciiDigit(c) || c == '.') && entry.Count(c => c == '.') >= 1 ||
        entry.Contains(':') && entry.All(c => char.IsAsciiHexDigit(c) || c == ':');
}
