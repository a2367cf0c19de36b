using Parley.Core.Rendering;
using Parley.Testing;

namespace Parley.Core.Tests.Rendering;

/// <summary>
/// Whatever an author (or an imported post, or a stolen account) writes, the stored HTML can run no
/// script: no script-capable elements, no event handlers, no script URLs, no CSS beyond alignment.
/// </summary>
public sealed class HostileMarkdownTests
{
    private static readonly PostMarkdownRenderer Renderer = new();
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](  javascript:alert(1))")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<p onclick=\"alert(1)\">hi</p>")]
    [InlineData("<a href=\"https://ok.example\" onmouseover=alert(1)>x</a>")]
    [InlineData("[x](https://example.com\" onmouseover=\"alert(1))")]
    [InlineData("![x](https://example.com/a.png\"onerror=\"alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<form action=\"javascript:alert(1)\"><button>go</button></form>")]
    [InlineData("<figure class=\"video-embed\" data-embed-src=\"javascript:alert(1)\"><a class=\"video-embed__placeholder\" href=\"#\">x</a></figure>")]
    [InlineData("<object data=\"data:text/html,<script>alert(1)</script>\"></object>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<base href=\"https://evil.example/\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")]
    [InlineData("> quote <img src=x onerror=alert(1)>\n>\n> — <script>alert(1)</script>")]
    [InlineData("![cap](/a.png \"<img src=x onerror=alert(1)>\")")]
    [InlineData("https://www.youtube.com/watch?v=aaaaaaaaaaa\"onload=\"alert(1)")]
    public void Hostile_markdown_renders_inert(string markdown) => HtmlAssert.Inert(Renderer.Render(markdown).Html, markdown);

    [Fact]
    public void A_forged_video_placeholder_loses_its_embed_address()
    {
        var html = Renderer.Render("<figure class=\"video-embed\" data-embed-src=\"https://evil.example/x\"></figure>").Html;
        Assert.DoesNotContain("data-embed-src", html);
    }

    [Fact]
    public void A_caption_with_markup_is_shown_as_text()
    {
        var html = Renderer.Render("![cap](/a.png \"<b>bold</b>\")").Html;
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
    }

    public static TheoryData<string, string> Corpus()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "xss/dompurify-payloads.txt", "xss/h5sc-payloads-substituted.txt", "xss/owasp-xss-filter-evasion-codeblocks.txt" })
            data.Add(file, file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_payload_of_the_public_xss_corpora_renders_inert(string file, string _)
    {
        var count = 0;
        foreach (var payload in TestData.JsonLines(file))
        {
            HtmlAssert.Inert(Renderer.Render(payload).Html, payload);
            // The same payload inside a Markdown construct must not slip through either.
            HtmlAssert.Inert(Renderer.Render("> " + payload.Replace("\n", "\n> ") + "\n>\n> — " + payload).Html, payload);
            count++;
        }
        Assert.True(count > 100, $"{file} had only {count} payloads");
    }
}
