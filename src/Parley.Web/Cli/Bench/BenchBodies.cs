using System.Text;
using Parley.Core.Comments;
using Parley.Core.Media;
using Parley.Core.Rendering;

namespace Parley.Web.Cli.Bench;

/// <summary>
/// Post and comment bodies for seeding, each rendered once through the same pipeline as a saved post
/// (<see cref="PostMarkdownRenderer"/>, then <see cref="ResponsiveImages"/>) or comment, and then reused:
/// seeding a hundred thousand posts must not spend its time in Markdown.
/// </summary>
internal sealed class BenchBodies
{
    public sealed record PostBody(string Source, string Html, string Text, string? Excerpt);
    public sealed record CommentBody(string Source, string Html, string Hash);

    public required IReadOnlyList<PostBody> Posts { get; init; }
    public required IReadOnlyList<CommentBody> Comments { get; init; }
    public required PostBody Realistic { get; init; }

    public static async Task<BenchBodies> RenderAsync(Random rng, PostMarkdownRenderer posts, ResponsiveImages images, CommentMarkdownRenderer comments, CancellationToken ct)
    {
        async Task<PostBody> Render(string source, string? excerpt)
        {
            var rendered = posts.Render(source);
            return new PostBody(source, await images.ApplyAsync(rendered.Html, ct), rendered.PlainText, excerpt);
        }
        var postBodies = new List<PostBody>();
        for (var i = 0; i < 48; i++) postBodies.Add(await Render(PostMarkdown(rng, sections: rng.Next(1, 4)), rng.Next(4) == 0 ? BenchText.Sentence(rng) : null));
        var commentBodies = new List<CommentBody>();
        for (var i = 0; i < 64; i++)
        {
            var source = CommentMarkdown(rng);
            commentBodies.Add(new CommentBody(source, comments.Render(source), CommentService.HashBody(source)));
        }
        return new BenchBodies { Posts = postBodies, Comments = commentBodies, Realistic = await Render(RealisticMarkdown(rng), null) };
    }

    private static string PostMarkdown(Random rng, int sections)
    {
        var b = new StringBuilder();
        b.Append(BenchText.Paragraph(rng)).Append("\n\n").Append(BenchText.Paragraph(rng))
            .Append($" **{BenchText.Sentence(rng)}** See [the {BenchText.Word(rng)} notes](https://{BenchText.Word(rng)}.example/notes).\n\n");
        for (var s = 0; s < sections; s++)
        {
            b.Append("## ").Append(BenchText.Title(rng)).Append("\n\n");
            for (var p = rng.Next(1, 4); p > 0; p--) b.Append(BenchText.Paragraph(rng)).Append("\n\n");
            switch (rng.Next(5))
            {
                case 0: b.Append("> ").Append(BenchText.Sentence(rng)).Append("\n\n"); break;
                case 1:
                    for (var li = rng.Next(3, 6); li > 0; li--) b.Append("- ").Append(BenchText.Sentence(rng)).Append('\n');
                    b.Append('\n');
                    break;
                case 2: b.Append("https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"); break;
                case 3: b.Append($"![A {BenchText.Word(rng)} by the {BenchText.Word(rng)}](https://images.example/{BenchText.Word(rng)}.jpg)\n\n"); break;
                default: b.Append($"```sql\nSELECT count(*) FROM {BenchText.Word(rng)}s WHERE year > 2020;\n```\n\n"); break;
            }
        }
        return b.ToString().TrimEnd() + "\n";
    }

    private static string CommentMarkdown(Random rng)
    {
        var b = new StringBuilder();
        if (rng.Next(8) == 0) b.Append("> ").Append(BenchText.Sentence(rng)).Append("\n\n");
        b.Append(BenchText.Paragraph(rng, 1, 4));
        if (rng.Next(4) == 0) b.Append("\n\n").Append(BenchText.Paragraph(rng, 1, 3));
        if (rng.Next(6) == 0) b.Append($" See [this](https://{BenchText.Word(rng)}.example/), it is *{BenchText.Word(rng)}*.");
        return b.ToString();
    }

    /// <summary>Shaped like the benchmark site's <c>realistic-post</c>: about 1,300 words, 4 headings, a list, 2 captioned images, 3 quotes.</summary>
    private static string RealisticMarkdown(Random rng)
    {
        var b = new StringBuilder();
        for (var p = 0; p < 3; p++) b.Append(BenchText.Paragraph(rng, 5, 7)).Append("\n\n");
        for (var s = 0; s < 4; s++)
        {
            b.Append("## ").Append(BenchText.Title(rng)).Append("\n\n");
            for (var p = 0; p < 3; p++) b.Append(BenchText.Paragraph(rng, 5, 7)).Append("\n\n");
            if (s < 3) b.Append("> ").Append(BenchText.Paragraph(rng, 1, 2)).Append("\n\n");
            if (s is 1 or 2) b.Append($"![{BenchText.Sentence(rng)}](https://images.example/river-{s}.jpg \"{BenchText.Sentence(rng)}\")\n\n");
            if (s == 3)
            {
                for (var li = 0; li < 5; li++) b.Append("- ").Append(BenchText.Sentence(rng)).Append('\n');
                b.Append('\n');
            }
        }
        return b.ToString().TrimEnd() + "\n";
    }
}
