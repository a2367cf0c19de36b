using System.Text.RegularExpressions;

namespace Parley.Core.Import;

/// <summary>One shortcode as written: <c>[name attr="value" positional]content[/name]</c>.</summary>
internal sealed record Shortcode(string Name, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> Positional, string? Content, int Length)
{
    public string? this[string key] => Attributes.GetValueOrDefault(key);
}

/// <summary>Reads shortcodes the way WordPress's own parser does: names, quoted or bare attributes, self-closing or enclosing.</summary>
internal static partial class ShortcodeParser
{
    private const int MaxTagLength = 4000;

    /// <summary>Reads the shortcode whose <c>[</c> is at <paramref name="start"/>; null when the text there is not one.</summary>
    public static Shortcode? TryRead(string text, int start, Func<string, bool> encloses)
    {
        var i = start + 1;
        var nameStart = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
        if (i == nameStart || i >= text.Length || !(char.IsAsciiLetterOrDigit(text[nameStart]) || text[nameStart] == '_')) return null;
        var name = text[nameStart..i].ToLowerInvariant();
        if (text[i] is not (' ' or '\t' or '\n' or '\r' or ']' or '/' or '=' or '\u00A0')) return null;

        // The attributes run to the first ']' outside quotes; a '[' there means this was not a shortcode.
        var attrStart = i;
        char quote = '\0';
        for (; i < text.Length && i - start < MaxTagLength; i++)
        {
            var c = text[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c == '[') return null;
            else if (c == ']') break;
        }
        if (i >= text.Length || text[i] != ']') return null;
        var raw = text[attrStart..i];
        var selfClosing = raw.TrimEnd().EndsWith('/');
        if (selfClosing) raw = raw.TrimEnd()[..^1];
        var end = i + 1;
        var (attributes, positional) = Attributes(raw);

        string? content = null;
        if (!selfClosing && encloses(name))
        {
            var close = text.IndexOf("[/" + name + "]", end, StringComparison.OrdinalIgnoreCase);
            if (close >= 0)
            {
                content = text[end..close];
                end = close + name.Length + 3;
            }
        }
        return new Shortcode(name, attributes, positional, content, end - start);
    }

    private static (Dictionary<string, string>, List<string>) Attributes(string raw)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        raw = raw.Replace('\u00A0', ' ').Replace('\u200B', ' ');
        // WordPress.com's [youtube=URL] form: the whole rest is one value.
        if (raw.StartsWith('='))
        {
            positional.Add(raw[1..].Trim());
            return (named, positional);
        }
        foreach (Match m in Attribute().Matches(raw))
        {
            if (m.Groups["key"].Success) named.TryAdd(m.Groups["key"].Value.ToLowerInvariant(), Quotes(m.Groups["value"].Value));
            else positional.Add(Quotes(m.Groups["bare"].Value));
        }
        return (named, positional);
    }

    /// <summary>WordPress may have turned the quotes of an attribute into typographic ones; the value is what is between them.</summary>
    private static string Quotes(string value) => value.Trim('"', '\'', '\u201C', '\u201D', '\u2033', '\u2032');

    [GeneratedRegex(@"(?<key>[\w-]+)\s*=\s*(?<value>""[^""]*""|'[^']*'|[\u201C\u2033][^\u201D\u2033]*[\u201D\u2033]|[^\s'""]+)|(?<bare>""[^""]*""|'[^']*'|\S+)")]
    private static partial Regex Attribute();
}
