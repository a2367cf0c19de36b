using System.Globalization;
using System.Text;

namespace Parley.Core.Media;

/// <summary>
/// The uploaded file's name, made safe to show: kept only as <see cref="MediaItem.OriginalFileName"/>
/// so the library can say which file an item came from. It is never part of a path.
/// </summary>
public static class UploadNames
{
    /// <summary>The last path segment, without control or formatting characters, at most 200 characters; null when nothing is left.</summary>
    public static string? Clean(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return null;
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var text = new StringBuilder(Math.Min(name.Length, 1024));
        foreach (var rune in name.EnumerateRunes())
        {
            // Control characters (NUL, newlines) and invisible formatting ones (bidi overrides that
            // make "gpj.exe" read as "exe.jpg") go; everything a person would read stays.
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned) continue;
            text.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }
        var cleaned = string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (cleaned.Trim('.').Length == 0) return null;
        if (cleaned.Length <= MediaLimits.OriginalFileName) return cleaned;
        // Cut between text elements, so an emoji or accented letter is never split in half.
        var cut = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(cleaned);
        while (elements.MoveNext() && cut.Length + elements.GetTextElement().Length <= MediaLimits.OriginalFileName)
            cut.Append(elements.GetTextElement());
        return cut.ToString();
    }
}
