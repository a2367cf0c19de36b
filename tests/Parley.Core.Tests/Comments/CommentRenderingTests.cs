using Parley.Core.Rendering;
using Parley.Testing;

namespace Parley.Core.Tests.Comments;

/// <summary>Readers write a safe subset of Markdown; everything else shows as text or goes.</summary>
public sealed class CommentRenderingTests
{
    private static readonly CommentMarkdownRenderer Renderer = new();

    [Fact]
    public void Formatting_links_quotes_lists_and_code_render()
    {
        var html = Renderer.Render("*I* **agree** with [this](https://example.com/a).\n\n> quoted\n\n- one\n- two\n\n`x = 1`\n\n```\nblock\n```");
        var body = HtmlPage.Parse("<body>" + html + "</body>").Body!;
        Assert.Equal("I", body.QuerySelector("em")!.TextContent);
        Assert.Equal("agree", body.QuerySelector("strong")!.TextContent);
        Assert.Equal("nofollow ugc noopener", body.QuerySelector("a")!.GetAttribute("rel"));
        Assert.NotNull(body.QuerySelector("blockquote"));
        Assert.Equal(2, body.QuerySelectorAll("ul li").Length);
        Assert.NotNull(body.QuerySelector("p code"));
        Assert.NotNull(body.QuerySelector("pre code"));
    }

    [Fact]
    public void Bare_links_are_linked_and_marked_as_user_content()
    {
        var a = HtmlPage.Parse(Renderer.Render("see https://example.com/page")).QuerySelector("a")!;
        Assert.Equal("https://example.com/page", a.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("# Shouting")]
    [InlineData("Shouting\n========")]
    [InlineData("Shouting\n--------")]
    public void Headings_stay_plain_text(string markdown)
    {
        var body = HtmlPage.Parse("<body>" + Renderer.Render(markdown) + "</body>").Body!;
        Assert.Empty(body.QuerySelectorAll("h1, h2, hr"));
        Assert.Contains("Shouting", body.TextContent);
    }

    [Fact]
    public void Images_and_raw_html_do_not_render()
    {
        var html = Renderer.Render("![tracker](https://evil.example/pixel.gif) <b>bold</b> <img src=x onerror=alert(1)>");
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
    }

    [Theory]
    [InlineData("xss/dompurify-payloads.txt")]
    [InlineData("xss/h5sc-payloads-substituted.txt")]
    [InlineData("xss/owasp-xss-filter-evasion-codeblocks.txt")]
    public void Every_payload_of_the_public_xss_corpora_renders_inert_in_a_comment(string file)
    {
        foreach (var payload in TestData.JsonLines(file))
        {
            HtmlAssert.Inert(Renderer.Render(payload), payload);
            HtmlAssert.Inert(Renderer.Render($"[click]({payload})"), payload);
        }
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    public void Script_links_lose_their_target(string markdown)
    {
        var html = Renderer.Render(markdown);
        HtmlAssert.Inert(html, markdown);
        Assert.DoesNotContain("javascript:alert", HtmlPage.Parse(html).QuerySelector("a")?.GetAttribute("href") ?? "");
    }

    [Fact]
    public void Links_are_counted_for_the_moderation_hold()
    {
        Assert.Equal(3, CommentMarkdownRenderer.CountLinks(Renderer.Render("https://a.example https://b.example [c](https://c.example)")));
    }
}
