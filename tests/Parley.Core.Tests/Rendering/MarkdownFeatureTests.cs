using AngleSharp.Html.Parser;
using Parley.Core.Rendering;

namespace Parley.Core.Tests.Rendering;

/// <summary>Every Markdown feature a commentary writer relies on, checked in the HTML a reader receives.</summary>
public sealed class MarkdownFeatureTests
{
    private readonly PostMarkdownRenderer _renderer = new();
    private static readonly HtmlParser Parser = new();

    private AngleSharp.Dom.IElement Render(string markdown)
    {
        var html = _renderer.Render(markdown).Html;
        return Parser.ParseDocument("<body>" + html + "</body>").Body!;
    }

    [Fact]
    public void An_image_alone_in_its_paragraph_becomes_a_figure_with_its_title_as_caption()
    {
        var body = Render("Intro.\n\n![Two ministers shaking hands](/media/a.jpg \"The ministers met in Tokyo.\")\n\nAfter.");
        var figure = Assert.Single(body.QuerySelectorAll("figure"));
        var img = figure.QuerySelector("img")!;
        Assert.Equal("/media/a.jpg", img.GetAttribute("src"));
        Assert.Equal("Two ministers shaking hands", img.GetAttribute("alt"));
        Assert.Null(img.GetAttribute("title"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("The ministers met in Tokyo.", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Empty(body.QuerySelectorAll("p > figure"));
    }

    [Fact]
    public void An_image_inside_a_sentence_stays_inline()
    {
        var body = Render("Look at ![icon](/i.png) this.");
        Assert.Empty(body.QuerySelectorAll("figure"));
        Assert.NotNull(body.QuerySelector("p > img"));
    }

    [Fact]
    public void A_quote_ending_in_a_dash_line_gets_an_attribution_with_its_link()
    {
        var body = Render("> It seems only yesterday.\n>\n> — Stephen Example, [The Daily Example](https://example.com/a)");
        var figure = Assert.Single(body.QuerySelectorAll("figure.quote"));
        Assert.Equal("It seems only yesterday.", figure.QuerySelector("blockquote")!.TextContent.Trim());
        var caption = figure.QuerySelector("figcaption")!;
        Assert.StartsWith("— Stephen Example", caption.TextContent.Trim());
        Assert.Equal("https://example.com/a", caption.QuerySelector("cite a")!.GetAttribute("href"));
        Assert.DoesNotContain("—", figure.QuerySelector("blockquote")!.TextContent);
    }

    [Fact]
    public void A_quote_written_with_two_hyphens_is_attributed_too()
    {
        var body = Render("> Words.\n>\n> -- Somebody");
        Assert.Equal("Somebody", body.QuerySelector("figure.quote cite")!.TextContent.Trim());
    }

    [Fact]
    public void A_plain_quote_stays_a_plain_quote()
    {
        var body = Render("> Just a quote.\n>\n> With two paragraphs.");
        Assert.Empty(body.QuerySelectorAll("figure"));
        Assert.Equal(2, body.QuerySelectorAll("blockquote p").Length);
    }

    [Fact]
    public void Footnotes_link_both_ways()
    {
        var body = Render("A claim.[^1]\n\n[^1]: The source.");
        var reference = body.QuerySelector("a.footnote-ref")!;
        var target = reference.GetAttribute("href")!.TrimStart('#');
        Assert.NotNull(body.QuerySelector($"[id='{target}']"));
        Assert.Contains("The source.", body.QuerySelector(".footnotes")!.TextContent);
    }

    [Fact]
    public void Tables_render_and_scroll_inside_a_wrapper()
    {
        var body = Render("| Measure | Value |\n|---|--:|\n| Visits | 96 |");
        var table = body.QuerySelector("div.table-wrap > table")!;
        Assert.Equal(2, table.QuerySelectorAll("th").Length);
        Assert.Equal("96", table.QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("text-align", table.QuerySelectorAll("td")[1].GetAttribute("style"));
    }

    [Fact]
    public void Headings_get_ids_and_a_link_to_themselves()
    {
        var body = Render("## What the report found");
        var heading = body.QuerySelector("h2")!;
        Assert.Equal("what-the-report-found", heading.Id);
        Assert.Equal("#what-the-report-found", heading.QuerySelector("a.heading-anchor")!.GetAttribute("href"));
    }

    [Fact]
    public void Punctuation_is_made_typographic()
    {
        var text = Render("\"Quoted\" -- and 'single' --- done...").TextContent;
        Assert.Contains("“Quoted”", text);
        Assert.Contains("‘single’", text);
        Assert.Contains("–", text);
        Assert.Contains("—", text);
        Assert.Contains("…", text);
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")]
    [InlineData("https://youtu.be/aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871")]
    [InlineData("https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d", "https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d")]
    public void A_video_link_on_its_own_line_becomes_a_click_to_load_placeholder(string url, string embedStart)
    {
        var body = Render($"Watch this:\n\n{url}\n\nThen read on.");
        var figure = body.QuerySelector("figure.video-embed")!;
        Assert.StartsWith(embedStart, figure.GetAttribute("data-embed-src"));
        // Nothing in the page points the browser at the video host before a click.
        Assert.Empty(figure.QuerySelectorAll("iframe, img, script, video"));
        Assert.StartsWith("https://", figure.QuerySelector("a.video-embed__placeholder")!.GetAttribute("href"));
    }

    [Fact]
    public void A_video_file_gets_a_player_that_loads_nothing_until_played()
    {
        var video = Render("https://example.org/clip.mp4").QuerySelector("figure.video-embed video")!;
        Assert.Equal("none", video.GetAttribute("preload"));
        Assert.Equal("https://example.org/clip.mp4", video.GetAttribute("src"));
    }

    [Fact]
    public void A_video_link_inside_a_sentence_stays_a_link()
    {
        var body = Render("See https://www.youtube.com/watch?v=aqz-KE-bpKQ for more.");
        Assert.Empty(body.QuerySelectorAll("figure"));
        Assert.NotNull(body.QuerySelector("a[href^='https://www.youtube.com']"));
    }

    [Fact]
    public void Plain_text_is_kept_for_search_without_markup()
    {
        var rendered = _renderer.Render("# Title\n\nSome **bold** text with a [link](https://example.com).");
        Assert.Equal("Title Some bold text with a link.", rendered.PlainText);
    }

    [Fact]
    public void Source_longer_than_the_limit_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _renderer.Render(new string('a', PostMarkdownRenderer.MaxSourceLength + 1)));
    }
}
