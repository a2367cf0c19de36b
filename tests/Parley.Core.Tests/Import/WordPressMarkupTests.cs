using Parley.Core.Import;
using Parley.Core.Rendering;

namespace Parley.Core.Tests.Import;

/// <summary>WordPress content to Parley Markdown, checked through Parley's own renderer.</summary>
public sealed class WordPressMarkupTests
{
    private static readonly PostMarkdownRenderer Renderer = new();

    private static (string Markdown, string Html, IReadOnlyList<string> Notes) Convert(string content, MarkupContext? context = null)
    {
        var result = WordPressMarkup.ToMarkdown(content, context);
        return (result.Markdown, Renderer.Render(result.Markdown).Html, result.Notes);
    }

    [Fact]
    public void Classic_text_gets_wordpress_paragraphs_and_line_breaks_and_keeps_its_blocks()
    {
        var (markdown, html, notes) = Convert("First line\nsecond line\n\nNew paragraph with <strong>bold</strong>.\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nAfter the list.");
        Assert.Equal("First line\\\nsecond line\n\nNew paragraph with **bold**.\n\n- One\n- Two\n\nAfter the list.\n", markdown);
        Assert.Contains("<p>First line<br>\nsecond line</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Two</li>", html, StringComparison.Ordinal);
        Assert.Empty(notes);
    }

    [Fact]
    public void Block_editor_comments_go_and_their_html_stays()
    {
        var (markdown, _, notes) = Convert("""
            <!-- wp:paragraph {"dropCap":true} -->
            <p>Hello <em>blocks</em></p>
            <!-- /wp:paragraph -->

            <!-- wp:list -->
            <ul><!-- wp:list-item --><li>One</li><!-- /wp:list-item --><!-- wp:list-item --><li>Two</li><!-- /wp:list-item --></ul>
            <!-- /wp:list -->

            <!-- wp:latest-posts {"postsToShow":3} /-->
            """);
        Assert.Equal("Hello *blocks*\n\n- One\n- Two\n", markdown);
        Assert.DoesNotContain("wp:", markdown, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.Contains("latest-posts", StringComparison.Ordinal));
    }

    [Fact]
    public void A_caption_shortcode_becomes_a_figure_with_its_caption()
    {
        var (markdown, html, notes) = Convert("""
            Before.

            [caption id="attachment_6" align="alignright" width="300"]<a href="https://old.example/big.jpg"><img class="size-medium wp-image-6" title="DSC_0012" src="https://old.example/small.jpg" alt="A boat" width="300" height="205" /></a> A boat on the <em>lake</em>[/caption]

            After.
            """);
        Assert.Contains("[![A boat](https://old.example/small.jpg \"A boat on the lake\")](https://old.example/big.jpg)", markdown, StringComparison.Ordinal);
        Assert.Contains("<figure><a href=\"https://old.example/big.jpg\"><img src=\"https://old.example/small.jpg\" alt=\"A boat\"", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>A boat on the lake</figcaption>", html, StringComparison.Ordinal);
        // The file name WordPress put in the title is a tooltip, not a caption.
        Assert.DoesNotContain("DSC_0012", html, StringComparison.Ordinal);
        Assert.Empty(notes);
    }

    [Fact]
    public void The_old_caption_attribute_form_works_too()
    {
        var (_, html, _) = Convert("""[caption id="a" caption="Said in the attribute"]<img src="https://old.example/a.jpg" alt="" />[/caption]""");
        Assert.Contains("<figcaption>Said in the attribute</figcaption>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("Look:\nhttps://youtu.be/dQw4w9WgXcQ\nNice.", "https://youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/22439234", "https://vimeo.com/22439234")]
    [InlineData("[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ&w=640]", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("<!-- wp:embed {\"url\":\"https://vimeo.com/22439234\"} --><figure class=\"wp-block-embed is-type-video\"><div class=\"wp-block-embed__wrapper\">\nhttps://vimeo.com/22439234\n</div></figure><!-- /wp:embed -->", "https://vimeo.com/22439234")]
    [InlineData("""<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0"></iframe>""", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    public void Videos_become_an_address_alone_on_its_line_which_parley_plays(string content, string line)
    {
        var (markdown, html, _) = Convert(content);
        Assert.Contains("\n" + line + "\n", "\n" + markdown, StringComparison.Ordinal);
        Assert.Contains("class=\"video-embed\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embed_parley_cannot_play_stays_a_link_and_is_reported()
    {
        var (markdown, html, notes) = Convert("[embed]https://twitter.com/WordPress/status/1057136472321613824[/embed]");
        Assert.Contains("href=\"https://twitter.com/WordPress/status/1057136472321613824\"", html, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.Contains("twitter.com", StringComparison.Ordinal));
        Assert.DoesNotContain("[embed]", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gallery_becomes_one_figure_per_known_picture()
    {
        var attachments = new AttachmentIndex();
        attachments.Add(new AttachmentInfo(11, 5, "https://old.example/one.jpg", "One", "First picture", "The first", 0));
        attachments.Add(new AttachmentInfo(12, 5, "https://old.example/two.jpg", "Two", null, null, 1));
        var context = new MarkupContext(5, attachments);

        var (markdown, html, notes) = Convert("[gallery ids=\"12,11\" columns=\"2\"]", context);
        Assert.Equal("![](https://old.example/two.jpg)\n\n![First picture](https://old.example/one.jpg \"The first\")\n", markdown);
        Assert.Equal(2, html.Split("<figure>").Length - 1);
        Assert.Empty(notes);

        // Without ids, a gallery shows the pictures uploaded to the post.
        Assert.Equal(markdown.Split('\n').Length, Convert("[gallery]", context).Markdown.Split('\n').Length);

        var (unknown, _, unknownNotes) = Convert("[gallery ids=\"99\"]", context);
        Assert.Contains("\\[gallery ids=\"99\"\\]", unknown, StringComparison.Ordinal);
        Assert.Contains(unknownNotes, n => n.Contains("gallery", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Unknown_shortcodes_stay_visible_and_are_reported_and_escaped_ones_become_text()
    {
        var (markdown, html, notes) = Convert("Sign up: [contact-form to=\"me@example.com\"][contact-field label=\"Name\"/][/contact-form] and write [[gallery]].");
        // Parley's typographic quotes apply to it, as WordPress's do to shortcodes it does not know.
        Assert.Contains("[contact-form to=“me@example.com”]", html, StringComparison.Ordinal);
        Assert.Contains("[contact-field label=“Name”/]", html, StringComparison.Ordinal);
        Assert.Contains("and write [gallery].", html, StringComparison.Ordinal);
        var note = Assert.Single(notes);
        Assert.Contains("[contact-form]", note, StringComparison.Ordinal);
        Assert.Contains("[contact-field]", note, StringComparison.Ordinal);
        Assert.DoesNotContain("[gallery]", note, StringComparison.Ordinal);
        Assert.StartsWith("Sign up: \\[contact-form", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_looks_like_markdown_stays_text()
    {
        var (_, html, _) = Convert("# not a heading\n\n1986. A fine year\n\n- not a list\n\n*not emphasis* and snake_case and a | b and x^2^ and ~~no~~ and [not](a link) and &amp;copy;");
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ol", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<sup>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<del>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.Contains("# not a heading", html, StringComparison.Ordinal);
        Assert.Contains("1986. A fine year", html, StringComparison.Ordinal);
        Assert.Contains("*not emphasis* and snake_case and a | b and x^2^ and ~~no~~ and [not](a link) and &amp;copy;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_keep_their_source_as_parleys_attribution()
    {
        var (markdown, html, _) = Convert("<!-- wp:quote --><blockquote class=\"wp-block-quote\"><!-- wp:paragraph --><p>Code is poetry.</p><!-- /wp:paragraph --><cite>Automattic</cite></blockquote><!-- /wp:quote -->");
        Assert.Equal("> Code is poetry.\n>\n> — Automattic\n", markdown);
        Assert.Contains("quote__attribution", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_stay_html_without_blank_lines_and_code_becomes_a_fenced_block()
    {
        var (markdown, html, _) = Convert("<table>\n\n<tr><td>a</td>\n\n<td>b</td></tr>\n</table>\n\n<pre class=\"wp-block-code\"><code class=\"language-php\">echo 1;\n\n// *not* emphasis</code></pre>");
        Assert.Contains("<table>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n<td>", markdown, StringComparison.Ordinal);
        Assert.Contains("```php\necho 1;\n\n// *not* emphasis\n```", markdown, StringComparison.Ordinal);
        Assert.Contains("<td>b</td>", html, StringComparison.Ordinal);
        Assert.Contains("// *not* emphasis", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_and_frames_are_left_out_and_reported()
    {
        var (markdown, html, notes) = Convert("Hi<script>alert(1)</script>\n\n<iframe src=\"https://evil.example/x\"></iframe>\n\n<form><input name=q></form>");
        Assert.DoesNotContain("alert", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.Contains("https://evil.example/x", html, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.Contains("<script>", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_lists_in_a_row_stay_two_lists()
    {
        var (markdown, html, _) = Convert("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>");
        Assert.Equal("- a\n\n* b\n\n1. c\n\n1) d\n", markdown);
        Assert.Equal(2, html.Split("<ul>").Length - 1);
        Assert.Equal(2, html.Split("<ol>").Length - 1);
    }

    [Fact]
    public void Page_breaks_are_joined_and_reported()
    {
        var (markdown, _, notes) = Convert("One\n<!--nextpage-->\nTwo<!--more-->Three");
        Assert.DoesNotContain("nextpage", markdown, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.Contains("nextpage", StringComparison.Ordinal));
    }

    [Fact]
    public void Comments_get_plain_markdown_that_the_comment_renderer_reads()
    {
        var result = WordPressMarkup.CommentToMarkdown("Great post! <strong>Really</strong>.\n\nSee <a href=\"https://example.org/\">this</a> and <span style=\"color:red\">that</span>.\n<blockquote>quoted</blockquote>");
        Assert.Equal("Great post! **Really**.\n\nSee [this](https://example.org/) and that.\n\n> quoted", result.Markdown);
        var html = new CommentMarkdownRenderer().Render(result.Markdown);
        Assert.Contains("<strong>Really</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_picture_addresses_point_at_the_old_site()
    {
        var (markdown, _, _) = Convert("<img src=\"/wp-content/uploads/a.jpg\" alt=\"a\">", new MarkupContext(Site: new Uri("https://old.example/blog/")));
        Assert.Equal("![a](https://old.example/wp-content/uploads/a.jpg)\n", markdown);
    }
}
