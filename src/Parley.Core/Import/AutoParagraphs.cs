using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>
/// The classic editor's automatic paragraphs (WordPress's <c>wpautop</c>), applied to parsed HTML rather than
/// with regular expressions over text: a blank line ends a paragraph, as do two line breaks in a row; a single
/// new line becomes a line break; block-level HTML stays as it is and is never wrapped; <c>&lt;pre&gt;</c> and
/// the like are left alone. Inside list items and table cells paragraphs are only made where a blank line asks for them.
/// </summary>
internal static partial class AutoParagraphs
{
    // WordPress's list of block-level tags (its $allblocks), and a few it learned later.
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div", "dl", "dd", "dt", "ul", "ol", "li",
        "pre", "form", "map", "area", "blockquote", "address", "math", "style", "p", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "fieldset", "legend", "section", "article", "aside", "hgroup", "header", "footer", "nav", "figure", "figcaption", "details",
        "menu", "summary", "main", "search", "script", "svg", "textarea", "select",
    };

    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal)
    {
        "body", "blockquote", "div", "section", "article", "aside", "header", "footer", "main", "nav", "details", "form", "fieldset", "search",
    };

    private static readonly HashSet<string> Cells = new(StringComparer.Ordinal) { "li", "td", "th", "dd" };

    private static readonly HashSet<string> TextBlocks = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "caption", "summary", "legend", "address",
    };

    private static readonly HashSet<string> Untouched = new(StringComparer.Ordinal) { "pre", "script", "style", "textarea", "svg", "math", "select" };

    private enum Wrap { Always, WhereBlankLine, Never }

    /// <summary>Makes paragraphs of the loose text and inline elements directly inside <paramref name="container"/>, and below it.</summary>
    public static void Apply(IElement container) => Process(container, Wrap.Always);

    private static void Process(IElement parent, Wrap wrap)
    {
        var run = new List<INode>();
        foreach (var child in parent.ChildNodes.ToList())
        {
            if (child is IElement e && BlockTags.Contains(e.LocalName))
            {
                Flush(parent, run, wrap);
                run = [];
                Descend(e);
            }
            else run.Add(child);
        }
        Flush(parent, run, wrap);
    }

    private static void Descend(IElement e)
    {
        var name = e.LocalName;
        if (Containers.Contains(name)) Process(e, Wrap.Always);
        else if (Cells.Contains(name)) Process(e, Wrap.WhereBlankLine);
        else if (TextBlocks.Contains(name)) LineBreaks(e.ChildNodes.ToList());
        else if (!Untouched.Contains(name)) Process(e, Wrap.Never);
    }

    private static void Flush(IElement parent, List<INode> run, Wrap wrap)
    {
        if (!run.Any(IsContent)) return;
        var paragraphs = Split(run);
        if (wrap == Wrap.Never || (wrap == Wrap.WhereBlankLine && paragraphs.Count <= 1))
        {
            LineBreaks(run);
            return;
        }
        var document = parent.Owner!;
        // A fixed point to insert before: the run's own first node may move into the first paragraph.
        var anchor = document.CreateTextNode("");
        parent.InsertBefore(anchor, run[0]);
        foreach (var nodes in paragraphs)
        {
            var kept = Trim(nodes);
            if (!kept.Any(IsContent)) continue;
            var p = document.CreateElement("p");
            parent.InsertBefore(p, anchor);
            foreach (var node in kept) p.AppendChild(node);
            LineBreaks(p.ChildNodes.ToList());
        }
        foreach (var left in run.Append(anchor).Where(n => n.Parent == parent)) parent.RemoveChild(left);
    }

    /// <summary>Cuts a run of inline nodes at blank lines and at double line breaks.</summary>
    private static List<List<INode>> Split(List<INode> run)
    {
        var paragraphs = new List<List<INode>> { new() };
        for (var i = 0; i < run.Count; i++)
        {
            var node = run[i];
            if (node is IText text && BlankLine().IsMatch(text.Data))
            {
                var pieces = BlankLine().Split(text.Data);
                for (var k = 0; k < pieces.Length; k++)
                {
                    if (k > 0) paragraphs.Add([]);
                    if (pieces[k].Length > 0) paragraphs[^1].Add(text.Owner!.CreateTextNode(pieces[k]));
                }
            }
            else if (node is IElement { LocalName: "br" } && NextBreak(run, i) is var next and > 0)
            {
                paragraphs.Add([]);
                i = next;
            }
            else paragraphs[^1].Add(node);
        }
        return paragraphs;
    }

    private static int NextBreak(List<INode> run, int at)
    {
        for (var j = at + 1; j < run.Count; j++)
        {
            if (run[j] is IText t && string.IsNullOrWhiteSpace(t.Data)) continue;
            return run[j] is IElement { LocalName: "br" } ? j : -1;
        }
        return -1;
    }

    /// <summary>Drops white space and line breaks at both ends of a paragraph.</summary>
    private static List<INode> Trim(List<INode> nodes)
    {
        var list = nodes.ToList();
        while (list.Count > 0 && (list[0] is IElement { LocalName: "br" } || list[0] is IText { Data: var d } && string.IsNullOrWhiteSpace(d))) list.RemoveAt(0);
        while (list.Count > 0 && (list[^1] is IElement { LocalName: "br" } || list[^1] is IText { Data: var d } && string.IsNullOrWhiteSpace(d))) list.RemoveAt(list.Count - 1);
        if (list.Count > 0 && list[0] is IText first) first.Data = first.Data.TrimStart();
        if (list.Count > 0 && list[^1] is IText last) last.Data = last.Data.TrimEnd();
        return list;
    }

    /// <summary>Each remaining new line becomes <c>&lt;br&gt;</c>, unless a line break is already beside it.</summary>
    private static void LineBreaks(List<INode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node is IElement e)
            {
                if (!Untouched.Contains(e.LocalName) && !BlockTags.Contains(e.LocalName)) LineBreaks(e.ChildNodes.ToList());
                continue;
            }
            if (node is not IText text || !text.Data.Contains('\n', StringComparison.Ordinal) || text.Parent is null) continue;
            var lines = text.Data.Split('\n');
            var document = text.Owner!;
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    var besideBreak = (i == 1 && lines[0].Trim().Length == 0 && IsBreak(text.PreviousSibling)) ||
                        (i == lines.Length - 1 && lines[i].Trim().Length == 0 && IsBreak(text.NextSibling));
                    var atEdge = (i == 1 && lines[0].Trim().Length == 0 && text.PreviousSibling is null) ||
                        (i == lines.Length - 1 && lines[i].Trim().Length == 0 && text.NextSibling is null);
                    if (!besideBreak && !atEdge) text.Parent.InsertBefore(document.CreateElement("br"), text);
                    else text.Parent.InsertBefore(document.CreateTextNode(" "), text);
                }
                if (lines[i].Length > 0) text.Parent.InsertBefore(document.CreateTextNode(lines[i]), text);
            }
            text.Parent.RemoveChild(text);
        }
    }

    private static bool IsBreak(INode? node) => node is IElement { LocalName: "br" };

    private static bool IsContent(INode node) =>
        node is IElement || (node is IText t && !string.IsNullOrWhiteSpace(t.Data));

    [GeneratedRegex(@"\n[ \t\r\f\v]*\n\s*")]
    private static partial Regex BlankLine();
}
