using BenchmarkDotNet.Attributes;
using Parley.Core.Rendering;

namespace Parley.Benchmarks;

/// <summary>
/// What a comment POST and a post save spend on text: Markdown alone (the baseline), Markdown plus
/// Parley's sanitizer for a comment, and the whole post pipeline (render, sanitize, enhance).
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private const string Comment = """
        I went to the *late* opening twice last month. The [evaluation report](https://example.org/report) says
        usage grew by a third, which matches what I saw:

        > the reading room was full at nine

        Two things would help: **better lighting** on the stairs, and a `quiet` sign that people respect.
        - one
        - two
        """;

    private readonly CommentMarkdownRenderer _comments = new();
    private readonly PostMarkdownRenderer _posts = new();
    private string _post = "";

    [GlobalSetup]
    public void Setup() => _post = DemoText.Post("02-river-cleanup.md");

    [Benchmark(Baseline = true)]
    public string MarkdigOnly() => Markdig.Markdown.ToHtml(Comment);

    [Benchmark]
    public string CommentRenderAndSanitize() => _comments.Render(Comment);

    [Benchmark]
    public string PostRenderSanitizeEnhance() => _posts.Render(_post).Html;
}

internal static class DemoText
{
    /// <summary>A demo post's Markdown, from Parley.Core's embedded demo content.</summary>
    public static string Post(string name)
    {
        var assembly = typeof(PostMarkdownRenderer).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
