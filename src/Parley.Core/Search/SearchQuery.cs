using System.Text;

namespace Parley.Core.Search;

/// <summary>
/// A reader's search words, reduced to plain terms. Search syntax of either database (quotes, *,
/// NEAR, OR, parentheses) is never passed through, so no input can make a query fail.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxTerms = 8;
    public const int MaxTermLength = 40;
    public const int MaxInputLength = 500;

    public IReadOnlyList<string> Terms { get; }

    private SearchQuery(IReadOnlyList<string> terms) => Terms = terms;

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? input)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(input)) return new SearchQuery(terms);
        var text = input.Length > MaxInputLength ? input[..MaxInputLength] : input;
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                current.Append(rune.ToString());
                continue;
            }
            Flush();
        }
        Flush();
        return new SearchQuery(terms);

        void Flush()
        {
            if (current.Length == 0) return;
            var term = current.ToString().ToLowerInvariant();
            current.Clear();
            if (term.Length > MaxTermLength) term = term[..MaxTermLength];
            // The words OR, AND, NOT and NEAR are operators to FTS5; as search words they add nothing.
            if (term is "or" or "and" or "not" or "near") return;
            if (terms.Count < MaxTerms && !terms.Contains(term)) terms.Add(term);
        }
    }

    /// <summary>
    /// FTS5 MATCH text: every term must appear; the last may be the start of a word, or, when the indexed words it
    /// starts are known, any of <paramref name="lastWordForms"/>.
    /// </summary>
    public string ToFts5(IReadOnlyList<string>? lastWordForms = null)
    {
        // Phrases side by side must all match; a group needs the AND spelled out.
        var last = lastWordForms is null ? Quote(Terms[^1]) + "*" : "(" + string.Join(" OR ", lastWordForms.Select(Quote)) + ")";
        return string.Join(lastWordForms is null ? " " : " AND ", Terms.SkipLast(1).Select(Quote).Append(last));

        // Words from the index hold no quotes either; doubling them keeps any text a plain string all the same.
        static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>PostgreSQL to_tsquery text in the same spirit.</summary>
    public string ToTsQuery() => string.Join(" & ", Terms.Select((t, i) => i == Terms.Count - 1 ? $"'{t}':*" : $"'{t}'"));
}
