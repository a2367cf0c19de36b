using System.Globalization;
using Parley.Core.Settings;

namespace Parley.Web.Caching;

/// <summary>
/// What travels between Parley processes on the Redis channel, as one short line of text:
/// <c>parley1 ORIGIN site</c>, <c>parley1 ORIGIN posts 3,17</c> or <c>parley1 ORIGIN hello</c> (a process checking
/// that it hears the channel). ORIGIN is the sending process's id, so a process knows its own messages.
/// </summary>
public readonly record struct ChangeMessage(string Origin, ContentChange? Change)
{
    private const string Format = "parley1";
    /// <summary>More than any real message (a bulk moderation of every comment on a large site); longer ones are not parsed.</summary>
    private const int MaxLength = 1 << 20;

    public bool IsHello => Change is null;

    public static string Write(string origin, ContentChange change) => change.IsWholeSite
        ? $"{Format} {origin} site"
        : $"{Format} {origin} posts {string.Join(',', change.DiscussionOfPosts.Select(p => p.ToString(CultureInfo.InvariantCulture)))}";

    public static string Hello(string origin) => $"{Format} {origin} hello";

    /// <summary>
    /// Reads a message. Anything unreadable (another version, a stray publisher) is read as a whole-site change:
    /// dropping too much costs a few renders, dropping too little shows stale pages.
    /// </summary>
    public static ChangeMessage Read(string? text)
    {
        var parts = text is { Length: <= MaxLength } ? text.Split(' ', 4) : [];
        if (parts.Length < 3 || parts[0] != Format) return new("", ContentChange.WholeSite);
        var origin = parts[1];
        return parts[2] switch
        {
            "hello" => new(origin, null),
            "posts" when parts.Length == 4 && Posts(parts[3]) is { Count: > 0 } posts => new(origin, new ContentChange(posts)),
            _ => new(origin, ContentChange.WholeSite),
        };
    }

    private static List<int>? Posts(string list)
    {
        var posts = new List<int>();
        foreach (var item in list.Split(','))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
            posts.Add(id);
        }
        return posts;
    }
}
