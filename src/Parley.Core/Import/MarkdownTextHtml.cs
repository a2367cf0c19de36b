using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>An element's inner HTML for use inside a Markdown HTML block: on as few lines as it needs, none blank.</summary>
internal static partial class MarkdownTextHtml
{
    public static string Inner(IElement e) => BlankLines().Replace(e.InnerHtml.Replace("\r", "", StringComparison.Ordinal), "\n").Trim();

    [GeneratedRegex(@"\n[ \t]*(?:\n[ \t]*)+")]
    private static partial Regex BlankLines();
}
