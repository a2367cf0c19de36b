using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Parsers;

namespace Parley.Core.Rendering;

/// <summary>
/// Renders a reader's comment: a safe subset of Markdown (emphasis, links, quotes, lists, inline and
/// block code). Raw HTML is shown as text, headings stay plain paragraphs, images are dropped, and
/// every link gets <c>rel="nofollow ugc noopener"</c> so comment spam earns nothing.
/// </summary>
public sealed class CommentMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();
    private static readonly HtmlParser Parser = new();
    private readonly ContentSanitizer _sanitizer = ContentSanitizer.ForComments();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseSmartyPants()
            .DisableHtml();
        builder.BlockParsers.RemoveAll(p => p is HeadingBlockParser or ThematicBreakParser);
        if (builder.BlockParsers.Find<ParagraphBlockParser>() is { } paragraphs) paragraphs.ParseSetextHeadings = false;
        return builder.Build();
    }

    public string Render(string markdown)
    {
        var html = _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        var doc = Parser.ParseDocument("<!doctype html><html><body></body></html>");
        doc.Body!.InnerHtml = html;
        foreach (var link in doc.Body.QuerySelectorAll("a[href]"))
            link.SetAttribute("rel", "nofollow ugc noopener");
        return doc.Body.InnerHtml;
    }

    /// <summary>Number of links in the rendered comment, for the "more than N links" hold.</summary>
    public static int CountLinks(string html) => Parser.ParseDocument("<body>" + html + "</body>").QuerySelectorAll("a[href]").Length;
}
