using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Core.Import;

/// <summary>
/// Writes WordPress text as Markdown that means exactly that text: every character Markdown would take as
/// syntax (emphasis, links, tables, Parley's emphasis extras) is escaped, except inside bare web addresses,
/// which are left whole so the renderer still links them.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>Escapes running text (white space already collapsed).</summary>
    public static string Escape(string text, bool keepUrls = true)
    {
        var sb = new StringBuilder(text.Length + 16);
        var at = 0;
        if (keepUrls)
        {
            foreach (Match url in BareUrl().Matches(text))
            {
                EscapeInto(sb, text, at, url.Index);
                sb.Append(url.Value);
                at = url.Index + url.Length;
            }
        }
        EscapeInto(sb, text, at, text.Length);
        return sb.ToString();
    }

    private static void EscapeInto(StringBuilder sb, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            var prev = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var escape = c switch
            {
                '\\' or '`' or '*' or '[' or ']' or '<' or '|' or '~' or '^' => true,
                // Inside a word an underscore is never emphasis; keeping it bare keeps snake_case readable.
                '_' => !char.IsLetterOrDigit(prev) || !char.IsLetterOrDigit(next),
                // ++inserted++ and ==marked== are emphasis in Parley's Markdown.
                '+' or '=' => next == c || prev == c,
                '&' => EntityLike().IsMatch(text.AsSpan(i + 1, Math.Min(12, text.Length - i - 1))),
                _ => false,
            };
            if (escape) sb.Append('\\');
            sb.Append(c);
        }
    }

    /// <summary>
    /// Makes each line of a paragraph start as text: no indentation (a code block), and a backslash before
    /// what would start a heading, quote, list, rule or HTML block.
    /// </summary>
    public static string GuardLineStarts(string paragraph)
    {
        var lines = paragraph.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart(' ', '\t');
            if (line.Length == 0) { lines[i] = line; continue; }
            if (line[0] is '#' or '>' or '-' or '+' or '=' or ':') line = "\\" + line;
            else if (OrderedMarker().Match(line) is { Success: true } m) line = line.Insert(m.Length - 1, "\\");
            lines[i] = line;
        }
        return string.Join('\n', lines);
    }

    /// <summary>A link or image destination: bare when it can be, in angle brackets when it has spaces or parentheses.</summary>
    public static string? Destination(string url)
    {
        url = url.Trim();
        if (url.Any(c => c is '<' or '>' or '\n' or '\r')) return null;
        return url.Any(c => c is ' ' or '(' or ')' or '\\') || url.Length == 0 ? "<" + url + ">" : url;
    }

    /// <summary>Text for inside the brackets of <c>![alt]</c>.</summary>
    public static string Alt(string text) => Escape(Collapse(text), keepUrls: false);

    /// <summary>A link or image title in double quotes.</summary>
    public static string Title(string text) => "\"" + Collapse(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>White space as HTML shows it: any run is one space (no-break spaces stay).</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"(?:https?|ftp)://[^\s<>""'\]\[)]+[^\s<>""'\]\[).,;:!?]|www\.[a-z0-9-]+\.[^\s<>""'\]\[)]*[^\s<>""'\]\[).,;:!?]", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"^#?[A-Za-z0-9]{1,10};")]
    private static partial Regex EntityLike();

    [GeneratedRegex(@"^\d{1,9}[.)]")]
    private static partial Regex OrderedMarker();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();
}
