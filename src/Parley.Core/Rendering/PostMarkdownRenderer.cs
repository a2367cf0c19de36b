using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Parley.Core.Rendering;

/// <summary>
/// Turns a post's Markdown into the HTML that is stored and served. Three named steps, in this order:
/// Markdig renders, <see cref="ContentSanitizer"/> removes everything not on the allow-list, and
/// <see cref="ContentEnhancer"/> adds Parley's own trusted markup (figures, quote attributions,
/// click-to-load video). Enhancing after sanitizing means authors cannot forge the enhanced markup.
/// </summary>
public sealed class PostMarkdownRenderer
{
    /// <summary>Largest Markdown source accepted, in characters (about a long book chapter).</summary>
    public const int MaxSourceLength = 1_000_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseFootnotes()
        .UsePipeTables()
        .UseSmartyPants()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        // Generic attributes stay off: `{onclick=...}` would slip attributes past the author's intent.
        .Build();

    private readonly ContentSanitizer _sanitizer = ContentSanitizer.ForPosts();

    public RenderedContent Render(string markdown)
    {
        return ContentEnhancer.Enhance(RenderPlain(markdown));
    }

    /// <summary>
    /// The sanitized HTML before Parley's own enhancements: what other systems (a WordPress export)
    /// should receive, since they have their own ways to show figures and videos.
    /// </summary>
    public string RenderPlain(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > MaxSourceLength)
            throw new ArgumentException($"Markdown source is longer than {MaxSourceLength} characters.", nameof(markdown));
        return _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }
}
