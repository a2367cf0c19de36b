namespace Parley.Core.Rendering;

/// <summary>The result of rendering author Markdown: safe HTML to store and serve, and plain text for search.</summary>
public sealed record RenderedContent(string Html, string PlainText);
